package io.circuitbreaker.llm.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the monitor does with the answers of {@link ProbeCoordination}, with a scripted coordination, fake probes and a
 * fake clock (the Redis implementation itself: {@link RedisProbeCoordinationTest}).
 */
class HealthMonitorCoordinationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration JITTER = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ProviderDefinition PROVIDER = new ProviderDefinition("a", ProviderType.OPENAI, "a",
            "http://a.test/v1", "k", List.of());

    private final FakeTimer timer = new FakeTimer();
    private final HealthCache cache = new HealthCache();
    private final List<ProviderDefinition> providers = new CopyOnWriteArrayList<>(List.of(PROVIDER));
    private final List<Instant> probedAt = new CopyOnWriteArrayList<>();
    private final Scripted coordination = new Scripted();

    /** Answers every round as told; remembers what it was asked and given. */
    private static final class Scripted implements ProbeCoordination {
        Function<String, Round> answer = id -> Round.PROBE;
        final List<String> begun = new CopyOnWriteArrayList<>();
        final List<Observation> published = new CopyOnWriteArrayList<>();

        @Override
        public String instanceId() {
            return "here:1";
        }

        @Override
        public Round begin(String providerId, String fingerprint) {
            begun.add(providerId);
            return answer.apply(providerId);
        }

        @Override
        public void publish(String providerId, String fingerprint, Observation result) {
            published.add(result);
        }
    }

    private HealthMonitor monitor() {
        return new HealthMonitor(new HealthWiring(() -> List.copyOf(providers), p -> Optional.of("secret"),
                p -> true, (p, key) -> {
                    probedAt.add(timer.now());
                    return CompletableFuture.completedFuture(HealthProbe.up(Duration.ofMillis(12), timer.now()));
                }, p -> TIMEOUT, cache, timer, timer::now, new SplittableRandom(7),
                new HealthSettings(INTERVAL, JITTER, 4), coordination));
    }

    @Test
    void aRoundHeldElsewhereAdoptsTheSharedResultWithoutProbing() {
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(
                new Observation(false, timer.now(), 40L, "HTTP 503", "there:2"));
        monitor().start();
        timer.advance(INTERVAL.multipliedBy(4));
        assertTrue(probedAt.isEmpty(), "another instance probes for this one");
        assertTrue(coordination.begun.size() >= 4, "asked every round: " + coordination.begun);
        Observation adopted = cache.get("a").orElseThrow().lastProbe();
        assertEquals("there:2", adopted.probedBy());
        assertEquals("HTTP 503", adopted.error());
        assertEquals(40L, adopted.latencyMs());
    }

    @Test
    void theProbeOfTheLeaseHolderIsSharedWithItsInstance() {
        monitor().start();
        timer.advance(JITTER);
        assertEquals(1, probedAt.size());
        Observation mine = cache.get("a").orElseThrow().lastProbe();
        assertEquals("here:1", mine.probedBy());
        assertEquals(List.of(mine), coordination.published);
    }

    @Test
    void withoutAFreshSharedResultTheInstanceWaitsOneProbeTimeoutThenProbesItself() {
        // the holder took the round two and a half intervals ago and has published nothing since (died, kill -9)
        Instant old = timer.now().minus(INTERVAL.multipliedBy(5).dividedBy(2));
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(
                new Observation(true, old, 10L, null, "gone:3"));
        monitor().start();
        timer.advance(JITTER);
        assertTrue(probedAt.isEmpty(), "the holder may still be probing");
        timer.advance(TIMEOUT.plus(HealthMonitor.TIMEOUT_GRACE));
        assertEquals(1, probedAt.size(), "a stale result counts as missing");
        assertEquals("here:1", cache.get("a").orElseThrow().lastProbe().probedBy());
        assertEquals(1, coordination.published.size(), "and this instance's result is shared");
    }

    @Test
    void aFreshResultArrivingWhileWaitingIsAdopted() {
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(null);
        monitor().start();
        timer.advance(JITTER);
        Instant probed = timer.now();
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(
                new Observation(true, probed, 8L, null, "there:2"));
        timer.advance(TIMEOUT.plus(HealthMonitor.TIMEOUT_GRACE));
        assertTrue(probedAt.isEmpty());
        assertEquals("there:2", cache.get("a").orElseThrow().lastProbe().probedBy());
    }

    @Test
    void anOlderSharedResultDoesNotReplaceThisInstancesNewerProbe() {
        HealthMonitor monitor = monitor();
        monitor.start();
        timer.advance(JITTER);
        Observation mine = cache.get("a").orElseThrow().lastProbe();
        Instant before = mine.at().minusSeconds(1);
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(
                new Observation(false, before, 8L, "old news", "there:2"));
        timer.advance(INTERVAL.plus(JITTER));
        assertEquals(mine, cache.get("a").orElseThrow().lastProbe());
    }

    @Test
    void aChangedUpstreamIsProbedAtOnceWithoutAsking() {
        HealthMonitor monitor = monitor();
        monitor.start();
        timer.advance(JITTER);
        coordination.answer = id -> ProbeCoordination.Round.heldElsewhere(
                new Observation(true, timer.now(), 8L, null, "there:2"));
        int asked = coordination.begun.size();
        providers.set(0, new ProviderDefinition("a", ProviderType.OPENAI, "a", "http://elsewhere.test/v1", "k",
                List.of()));
        monitor.reconcile();
        timer.advance(Duration.ZERO);
        assertEquals(2, probedAt.size(), "probed right away");
        assertEquals(asked, coordination.begun.size(), "without asking the other instances");
        assertEquals("here:1", cache.get("a").orElseThrow().lastProbe().probedBy());
    }

    @Test
    void aCoordinationThatFailsLeavesTheInstanceProbingByItself() {
        coordination.answer = id -> {
            throw new IllegalStateException("broken");
        };
        monitor().start();
        timer.advance(JITTER.plus(INTERVAL.plus(JITTER).multipliedBy(3)));
        assertTrue(probedAt.size() >= 3, "probed every round: " + probedAt.size());
    }

    @Test
    void noLeaseIsTakenForAProviderThisInstanceCannotCall() {
        HealthMonitor monitor = new HealthMonitor(new HealthWiring(() -> List.copyOf(providers),
                p -> Optional.empty(), p -> true, (p, key) -> {
                    probedAt.add(timer.now());
                    return new CompletableFuture<>();
                }, p -> TIMEOUT, cache, timer, timer::now, new SplittableRandom(7),
                new HealthSettings(INTERVAL, JITTER, 4), coordination));
        monitor.start();
        timer.advance(INTERVAL.multipliedBy(3));
        assertTrue(coordination.begun.isEmpty());
        assertTrue(probedAt.isEmpty());
    }
}
