package io.circuitbreaker.llm.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One deployment's circuit breaker. CLOSED lets calls through and watches outcomes; it opens after N consecutive
 * failures or when the failure share of a sliding window of recent calls reaches the threshold. OPEN rejects calls
 * for a cool-down; then HALF_OPEN lets exactly one trial call through: success closes the breaker, failure opens it
 * again. Methods are synchronized: contention is per deployment and the critical sections are a few field updates.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    /** A consistent view for health checks and the API. */
    public record Snapshot(State state, Instant since, double failureRatio, int consecutiveFailures, int calls) {
    }

    private final BreakerSettings settings;
    private final Supplier<Instant> clock;
    private final boolean[] outcomes;
    private int next;
    private int calls;
    private int failuresInWindow;
    private int consecutiveFailures;
    private State state = State.CLOSED;
    private Instant since;
    private boolean trialInFlight;

    public CircuitBreaker(BreakerSettings settings, Supplier<Instant> clock) {
        this.settings = settings;
        this.clock = clock;
        this.outcomes = new boolean[settings.window()];
        this.since = clock.get();
    }

    /** Whether a call may go to this deployment now; in HALF_OPEN, only the single trial gets {@code true}. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (Duration.between(since, clock.get()).compareTo(settings.openFor()) < 0) {
                    return false;
                }
                transition(State.HALF_OPEN);
                trialInFlight = true;
                return true;
            }
            case HALF_OPEN -> {
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** Whether routing should consider this deployment at all (an open breaker past its cool-down qualifies). */
    public synchronized boolean isAvailable() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> Duration.between(since, clock.get()).compareTo(settings.openFor()) >= 0;
            case HALF_OPEN -> !trialInFlight;
        };
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            reset();
            transition(State.CLOSED);
            return;
        }
        record(false);
        consecutiveFailures = 0;
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
            transition(State.OPEN);
            return;
        }
        if (state == State.OPEN) {
            return;
        }
        record(true);
        consecutiveFailures++;
        boolean tooManyInARow = consecutiveFailures >= settings.consecutiveFailures();
        boolean ratioExceeded = calls >= settings.minimumCalls()
                && (double) failuresInWindow / calls >= settings.failureRatio();
        if (tooManyInARow || ratioExceeded) {
            transition(State.OPEN);
        }
    }

    /** A call that was let through but ended for reasons that say nothing about the deployment (e.g. bad input). */
    public synchronized void onIgnored() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, since, calls == 0 ? 0 : (double) failuresInWindow / calls, consecutiveFailures,
                calls);
    }

    public synchronized State state() {
        return state;
    }

    private void record(boolean failure) {
        if (calls == outcomes.length) {
            if (outcomes[next]) {
                failuresInWindow--;
            }
        } else {
            calls++;
        }
        outcomes[next] = failure;
        if (failure) {
            failuresInWindow++;
        }
        next = (next + 1) % outcomes.length;
    }

    private void reset() {
        java.util.Arrays.fill(outcomes, false);
        next = 0;
        calls = 0;
        failuresInWindow = 0;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    private void transition(State target) {
        state = target;
        since = clock.get();
    }
}
