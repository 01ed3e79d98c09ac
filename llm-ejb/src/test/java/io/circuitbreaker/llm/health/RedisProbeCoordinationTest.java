package io.circuitbreaker.llm.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateSettings;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probing once per cluster against the real Redis of this machine (127.0.0.1:6379; skipped without one): two
 * monitors, as two gateway instances, each with its own connection, cache and probe function, one provider. Keys
 * carry a prefix of this run's own, so parallel runs do not meet.
 */
class RedisProbeCoordinationTest {

    private static final String URL = "redis://127.0.0.1:6379/0";
    private static final String KEY = "distinctive-secret-value-42";
    private static SharedRedis first;
    private static SharedRedis second;
    private static ScheduledExecutorService scheduler;

    private final String prefix = "test:" + UUID.randomUUID() + ":health:";
    private final ProviderDefinition provider = new ProviderDefinition("p", ProviderType.OPENAI, "P",
            "https://api.example.test/v1?key=" + KEY, "k", List.of());
    private final List<HealthMonitor> running = new ArrayList<>();

    /** One gateway instance: its monitor, its own cache, and every call of its probe function. */
    private record Instance(String id, HealthMonitor monitor, HealthCache cache, List<Instant> probes) {
        Observation lastProbe() {
            return cache.get("p").map(ProviderHealthState::lastProbe).orElse(null);
        }
    }

    @BeforeAll
    static void connect() {
        assumeTrue(listening(6379), "no Redis at 127.0.0.1:6379");
        first = SharedRedis.open(settings(URL));
        second = SharedRedis.open(settings(URL));
        scheduler = Executors.newScheduledThreadPool(4);
    }

    @AfterAll
    static void close() {
        if (first != null) {
            first.close();
            second.close();
            scheduler.shutdownNow();
        }
    }

    @AfterEach
    void cleanUp() {
        running.forEach(HealthMonitor::stop);
        if (first != null) {
            first.call(r -> r.del(prefix + "lease:{p}", prefix + "result:{p}"));
        }
    }

    @Test
    void withinOneIntervalOnlyOneInstanceProbesAndBothShowItsResult() throws Exception {
        Duration interval = Duration.ofMillis(600);
        Instance a = instance("a:1", first, interval);
        Instance b = instance("b:2", second, interval);
        a.monitor().start();
        b.monitor().start();
        await(() -> a.lastProbe() != null && b.lastProbe() != null, Duration.ofSeconds(5));

        assertEquals(1, a.probes().size() + b.probes().size(), "one probe between them");
        assertEquals(a.lastProbe(), b.lastProbe(), "the same result in both caches");
        String holder = a.probes().isEmpty() ? "b:2" : "a:1";
        assertEquals(holder, a.lastProbe().probedBy());
        assertEquals(12L, b.lastProbe().latencyMs());

        Thread.sleep(interval.multipliedBy(4).toMillis());
        List<Instant> all = new ArrayList<>(a.probes());
        all.addAll(b.probes());
        all.sort(null);
        for (int i = 1; i < all.size(); i++) {
            Duration gap = Duration.between(all.get(i - 1), all.get(i));
            // the lease lives one interval (Redis's clock); a few ms pass between taking it and probing
            assertTrue(gap.compareTo(interval.minusMillis(50)) >= 0, "two probes " + gap.toMillis() + " ms apart: "
                    + all);
        }
        assertTrue(all.size() <= 6, "about one probe per interval between both instances, not one each: " + all);
    }

    @Test
    void whenTheProbingInstanceStopsTheOtherTakesOver() throws Exception {
        Duration interval = Duration.ofMillis(500);
        Instance a = instance("a:1", first, interval);
        Instance b = instance("b:2", second, interval);
        a.monitor().start();
        b.monitor().start();
        await(() -> a.lastProbe() != null && b.lastProbe() != null, Duration.ofSeconds(5));
        Instance holder = a.probes().isEmpty() ? b : a;
        Instance other = holder == a ? b : a;
        assertTrue(other.probes().isEmpty());

        // gone without a word, as after kill -9: its lease stays in Redis until it expires
        holder.monitor().stop();
        int holderProbes = holder.probes().size();
        await(() -> !other.probes().isEmpty(), Duration.ofSeconds(5));
        await(() -> other.id().equals(other.lastProbe().probedBy()), Duration.ofSeconds(2));
        assertEquals(holderProbes, holder.probes().size());
    }

    @Test
    void aSharedResultOlderThanTwoIntervalsCountsAsMissing() {
        // a fake clock for the monitor (so the shared result ages) while the lease lives in Redis's real time
        FakeTimer timer = new FakeTimer();
        Duration interval = Duration.ofSeconds(30);
        RedisProbeCoordination ghost = new RedisProbeCoordination(second, prefix, "ghost:9", interval);
        assertTrue(ghost.begin("p", fingerprint()).probe(), "the ghost holds the round");
        ghost.publish("p", fingerprint(), new Observation(false, timer.now(), 77L, "HTTP 503", "ghost:9"));

        HealthCache cache = new HealthCache();
        List<Instant> probes = new CopyOnWriteArrayList<>();
        HealthMonitor monitor = monitor("me:1", first, interval, cache, probes, timer, timer::now);
        monitor.start();
        timer.advance(interval.dividedBy(10));
        assertTrue(probes.isEmpty());
        assertEquals("ghost:9", cache.get("p").orElseThrow().lastProbe().probedBy(), "adopted while fresh");
        assertEquals("HTTP 503", cache.get("p").orElseThrow().lastProbe().error());

        // the ghost stays silent: its result ages past two intervals, and the lease (still held) does not help it
        timer.advance(interval.multipliedBy(3));
        assertEquals(1, probes.size(), "probed here once the shared result counted as missing");
        assertEquals("me:1", cache.get("p").orElseThrow().lastProbe().probedBy());
        Map<String, String> shared = first.call(r -> r.hgetall(prefix + "result:{p}"));
        assertEquals("me:1", shared.get("by"), "and shared: " + shared);
    }

    @Test
    void nothingSecretReachesRedis() {
        FakeTimer timer = new FakeTimer();
        HealthCache cache = new HealthCache();
        HealthMonitor monitor = new HealthMonitor(new HealthWiring(() -> List.of(provider), p -> Optional.of(KEY),
                p -> true, (p, key) -> CompletableFuture.failedFuture(new IllegalStateException("refused " + key)),
                p -> Duration.ofSeconds(5), cache, timer, timer::now, new SplittableRandom(3),
                new HealthSettings(Duration.ofSeconds(30), Duration.ZERO, 2),
                new RedisProbeCoordination(first, prefix, "me:1", Duration.ofSeconds(30))));
        running.add(monitor);
        monitor.start();
        timer.advance(Duration.ZERO);
        Map<String, String> shared = first.call(r -> r.hgetall(prefix + "result:{p}"));
        assertEquals("0", shared.get("ok"));
        assertTrue(shared.get("error").contains("[REDACTED]"), shared.toString());
        assertFalse(shared.toString().contains(KEY), shared.toString());
        assertFalse(shared.toString().contains("example.test"), "not even the base URL: " + shared);
        assertEquals("me:1", first.call(r -> r.get(prefix + "lease:{p}")));
    }

    @Test
    void anUnreachableRedisLeavesEveryInstanceProbingByItself() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SharedRedis away = SharedRedis.open(settings("redis://127.0.0.1:" + port + "/0"));
        try {
            FakeTimer timer = new FakeTimer();
            HealthCache cache = new HealthCache();
            List<Instant> probes = new CopyOnWriteArrayList<>();
            HealthMonitor monitor = monitor("me:1", away, Duration.ofSeconds(30), cache, probes, timer, timer::now);
            monitor.start();
            timer.advance(Duration.ofSeconds(3));
            assertEquals(1, probes.size());
            assertTrue(cache.get("p").orElseThrow().lastProbe().ok());
            timer.advance(Duration.ofSeconds(33));
            assertEquals(2, probes.size(), "every round, as without Redis");
        } finally {
            away.close();
        }
    }

    private Instance instance(String id, SharedRedis redis, Duration interval) {
        HealthCache cache = new HealthCache();
        List<Instant> probes = new CopyOnWriteArrayList<>();
        Timer timer = (task, delay) -> {
            ScheduledFuture<?> future = scheduler.schedule(task, Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
        return new Instance(id, monitor(id, redis, interval, cache, probes, timer, Instant::now), cache, probes);
    }

    private HealthMonitor monitor(String id, SharedRedis redis, Duration interval, HealthCache cache,
            List<Instant> probes, Timer timer, java.util.function.Supplier<Instant> clock) {
        HealthMonitor monitor = new HealthMonitor(new HealthWiring(() -> List.of(provider), p -> Optional.of(KEY),
                p -> true, (p, key) -> {
                    probes.add(clock.get());
                    return CompletableFuture.completedFuture(HealthProbe.up(Duration.ofMillis(12), clock.get()));
                }, p -> interval.dividedBy(6), cache, timer, clock, new SplittableRandom(id.hashCode()),
                new HealthSettings(interval, interval.dividedBy(10), 2),
                new RedisProbeCoordination(redis, prefix, id, interval)));
        running.add(monitor);
        return monitor;
    }

    private String fingerprint() {
        return provider.providerType().wireName() + " " + provider.baseUrl() + " " + provider.apiKeyId();
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within " + limit);
            Thread.sleep(10);
        }
    }

    private static SharedStateSettings settings(String url) {
        return SharedStateSettings.from(name -> SharedStateSettings.URL.equals(name) ? Optional.of(url)
                : Optional.empty());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
