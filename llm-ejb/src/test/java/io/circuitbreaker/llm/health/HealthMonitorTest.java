package io.circuitbreaker.llm.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The monitor's schedule, limits and outcomes, with fake probes and a fake clock: no sleeping, no network. */
class HealthMonitorTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration JITTER = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY = "distinctive-secret-value-42";

    private final FakeTimer timer = new FakeTimer();
    private final HealthCache cache = new HealthCache();
    private final List<ProviderDefinition> providers = new CopyOnWriteArrayList<>();
    private final Map<String, String> keys = new HashMap<>();
    /** Every probe started: provider id and time. */
    private final List<String> probed = new CopyOnWriteArrayList<>();
    private final List<Instant> probedAt = new CopyOnWriteArrayList<>();
    /** How each probe answers; by default at once, healthy, in 12 ms. */
    private ProbeFunction answer = (p, key) -> CompletableFuture.completedFuture(
            HealthProbe.up(Duration.ofMillis(12), timer.now()));
    private final List<CompletableFuture<HealthProbe>> pending = new ArrayList<>();

    private HealthMonitor monitor(int concurrency) {
        return new HealthMonitor(new HealthWiring(() -> List.copyOf(providers),
                p -> Optional.ofNullable(keys.get(p.apiKeyId())),
                p -> p.providerType() != ProviderType.OPENAI_COMPATIBLE,
                (p, key) -> {
                    probed.add(p.id());
                    probedAt.add(timer.now());
                    return answer.probe(p, key);
                },
                p -> TIMEOUT, cache, timer, timer::now, new SplittableRandom(7),
                new HealthSettings(INTERVAL, JITTER, concurrency)));
    }

    private static ProviderDefinition provider(String id, String keyId) {
        return new ProviderDefinition(id, ProviderType.OPENAI, id, "http://" + id + ".test/v1", keyId, List.of());
    }

    @Test
    void probesEveryProviderSoonAfterStartThenOncePerIntervalNeverCloser() {
        providers.add(provider("a", "ka"));
        keys.put("ka", KEY);
        monitor(4).start();
        timer.advance(JITTER);
        assertEquals(List.of("a"), probed, "first probe within one jitter of the start");
        assertTrue(cache.get("a").orElseThrow().lastProbe().ok());
        assertEquals(12L, cache.get("a").orElseThrow().lastProbe().latencyMs());

        timer.advance(Duration.ofMinutes(10));
        assertTrue(probed.size() >= 10 && probed.size() <= 21, "about one probe per interval: " + probed.size());
        for (int i = 1; i < probedAt.size(); i++) {
            Duration gap = Duration.between(probedAt.get(i - 1), probedAt.get(i));
            assertTrue(gap.compareTo(INTERVAL) >= 0 && gap.compareTo(INTERVAL.plus(JITTER)) <= 0, "gap " + gap);
        }
    }

    @Test
    void aProviderWithoutItsKeyIsNeverProbed() {
        providers.add(provider("nokey", "missing"));
        monitor(4).start();
        timer.advance(Duration.ofMinutes(5));
        assertTrue(probed.isEmpty(), "a missing key never causes an upstream call");
        assertTrue(cache.get("nokey").isEmpty());
    }

    @Test
    void anOpenAiCompatibleServerIsProbedWithoutAKey() {
        providers.add(new ProviderDefinition("local", ProviderType.OPENAI_COMPATIBLE, "Local", "http://local.test/v1",
                null, List.of()));
        List<String> keysSeen = new ArrayList<>();
        answer = (p, key) -> {
            keysSeen.add(String.valueOf(key));
            return CompletableFuture.completedFuture(HealthProbe.up(Duration.ofMillis(1), timer.now()));
        };
        monitor(4).start();
        timer.advance(JITTER);
        assertEquals(List.of("null"), keysSeen);
    }

    @Test
    void aProbeThatOutlivesItsTimeoutCountsAsFailed() {
        providers.add(provider("slow", "ks"));
        keys.put("ks", KEY);
        answer = (p, key) -> new CompletableFuture<>(); // never answers
        monitor(4).start();
        timer.advance(JITTER.plus(TIMEOUT).plus(HealthMonitor.TIMEOUT_GRACE));
        Observation probe = cache.get("slow").orElseThrow().lastProbe();
        assertFalse(probe.ok());
        assertTrue(probe.error().contains("timed out after 5000 ms"), probe.error());
        assertEquals(TIMEOUT.toMillis(), probe.latencyMs());
        timer.advance(INTERVAL.plus(JITTER));
        assertEquals(2, probed.size(), "a hung probe does not stop the schedule");
    }

    @Test
    void failuresAreRedactedEvenWhenTheKeyLooksLikeNothingKnown() {
        providers.add(provider("err", "ke"));
        keys.put("ke", KEY);
        answer = (p, key) -> CompletableFuture.failedFuture(new IllegalStateException("refused " + key));
        monitor(4).start();
        timer.advance(JITTER);
        String error = cache.get("err").orElseThrow().lastProbe().error();
        assertFalse(error.contains(KEY), error);
        assertTrue(error.contains("[REDACTED]"), error);
    }

    @Test
    void atMostTheConfiguredNumberOfProbesRunAtOnce() {
        for (int i = 0; i < 5; i++) {
            providers.add(provider("p" + i, "k"));
        }
        keys.put("k", KEY);
        answer = (p, key) -> {
            CompletableFuture<HealthProbe> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        };
        HealthMonitor monitor = monitor(2);
        monitor.start();
        timer.advance(JITTER);
        assertEquals(2, monitor.probesInFlight());
        assertEquals(2, probed.size(), "the others wait their turn");
        pending.get(0).complete(HealthProbe.up(Duration.ofMillis(3), timer.now()));
        assertEquals(3, probed.size());
        assertEquals(2, monitor.probesInFlight());
        pending.get(1).complete(HealthProbe.up(Duration.ofMillis(3), timer.now()));
        pending.get(2).complete(HealthProbe.up(Duration.ofMillis(3), timer.now()));
        pending.get(3).complete(HealthProbe.up(Duration.ofMillis(3), timer.now()));
        pending.get(4).complete(HealthProbe.up(Duration.ofMillis(3), timer.now()));
        assertEquals(5, probed.size());
        assertEquals(0, monitor.probesInFlight());
    }

    @Test
    void aNewProviderIsProbedAtOnceAndARemovedOneForgotten() {
        providers.add(provider("a", "k"));
        keys.put("k", KEY);
        HealthMonitor monitor = monitor(4);
        monitor.start();
        timer.advance(JITTER);
        providers.add(provider("b", "k"));
        monitor.reconcile();
        timer.advance(JITTER);
        assertTrue(probed.contains("b"), "probed within one jitter of being configured, not a whole interval");

        providers.removeIf(p -> p.id().equals("a"));
        monitor.reconcile();
        assertTrue(cache.get("a").isEmpty());
        probed.clear();
        timer.advance(INTERVAL.multipliedBy(3));
        assertFalse(probed.contains("a"));
    }

    @Test
    void aChangedBaseUrlIsProbedNow() {
        providers.add(provider("a", "k"));
        keys.put("k", KEY);
        HealthMonitor monitor = monitor(4);
        monitor.start();
        timer.advance(JITTER);
        providers.set(0, new ProviderDefinition("a", ProviderType.OPENAI, "a", "http://elsewhere.test/v1", "k",
                List.of()));
        monitor.reconcile();
        probed.clear();
        timer.advance(Duration.ZERO);
        assertEquals(List.of("a"), probed);
        assertEquals("http://elsewhere.test/v1", cache.get("a").orElseThrow().baseUrl());
    }

    @Test
    void stopCancelsEverything() {
        providers.add(provider("a", "k"));
        keys.put("k", KEY);
        HealthMonitor monitor = monitor(4);
        monitor.start();
        monitor.stop();
        timer.advance(INTERVAL.multipliedBy(5));
        assertTrue(probed.isEmpty());
    }
}
