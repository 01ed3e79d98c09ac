package io.circuitbreaker.llm.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final BreakerSettings settings = new BreakerSettings(3, 0.5, 10, 6, Duration.ofSeconds(30));
    private final CircuitBreaker breaker = new CircuitBreaker(settings, now::get);

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void opensAfterConsecutiveFailures() {
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(State.CLOSED, breaker.state());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertFalse(breaker.isAvailable());
    }

    @Test
    void aSuccessResetsTheConsecutiveCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void opensOnFailureRatioOverTheWindowOnceEnoughCalls() {
        // F S F S F: 3 of 5 failed, but fewer than minimumCalls (6) - stays closed
        for (int i = 0; i < 5; i++) {
            if (i % 2 == 0) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
        }
        assertEquals(State.CLOSED, breaker.state());
        breaker.onSuccess(); // 6 calls, 3 failures = 0.5 but the last was a success: checked on failure only
        breaker.onFailure(); // 7 calls, 4 failures = 0.57 >= 0.5
        assertEquals(State.OPEN, breaker.state());
        assertEquals(4.0 / 7, breaker.snapshot().failureRatio(), 1e-9);
    }

    @Test
    void oldOutcomesSlideOutOfTheWindow() {
        CircuitBreaker small = new CircuitBreaker(new BreakerSettings(100, 0.5, 4, 4, Duration.ofSeconds(1)),
                now::get);
        small.onFailure();
        small.onSuccess();
        small.onSuccess();
        small.onSuccess();
        small.onSuccess(); // the failure has left the 4-call window
        assertEquals(0.0, small.snapshot().failureRatio());
    }

    @Test
    void halfOpenAfterTheCoolDownLetsExactlyOneTrialThrough() {
        openIt();
        advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(1));
        assertTrue(breaker.isAvailable());
        assertTrue(breaker.tryAcquire(), "the trial");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        assertFalse(breaker.isAvailable());
    }

    @Test
    void successfulTrialCloses() {
        openIt();
        advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(0, breaker.snapshot().calls(), "history starts afresh");
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void failedTrialReopensForAnotherCoolDown() {
        openIt();
        advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertEquals(now.get(), breaker.snapshot().since());
        advance(Duration.ofSeconds(10));
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void anIgnoredTrialFreesTheSlotForAnother() {
        openIt();
        advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onIgnored();
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void snapshotTellsStateAndSince() {
        Instant openedAt = now.get();
        openIt();
        CircuitBreaker.Snapshot snapshot = breaker.snapshot();
        assertEquals(State.OPEN, snapshot.state());
        assertEquals(openedAt, snapshot.since());
        assertEquals(3, snapshot.consecutiveFailures());
    }

    private void openIt() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
    }
}
