package io.circuitbreaker.llm.resilience;

import java.time.Duration;

/**
 * When a deployment's breaker opens and for how long.
 *
 * @param consecutiveFailures open after this many failures in a row
 * @param failureRatio        or when the failure share of the last {@code window} calls reaches this (0..1]
 * @param window              how many recent calls the ratio looks at
 * @param minimumCalls        the ratio counts only once this many calls are in the window
 * @param openFor             how long an open breaker rejects calls before letting one trial through
 */
public record BreakerSettings(int consecutiveFailures, double failureRatio, int window, int minimumCalls,
        Duration openFor) {

    public static final BreakerSettings DEFAULTS = new BreakerSettings(5, 0.5, 20, 10, Duration.ofSeconds(30));

    public BreakerSettings {
        if (consecutiveFailures < 1 || window < 1 || minimumCalls < 1 || minimumCalls > window) {
            throw new IllegalArgumentException("breaker thresholds must be positive, minimumCalls within window");
        }
        if (!(failureRatio > 0 && failureRatio <= 1)) {
            throw new IllegalArgumentException("failureRatio must be in (0, 1]");
        }
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive");
        }
    }
}
