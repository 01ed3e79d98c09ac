package io.circuitbreaker.llm.config;

import org.eclipse.microprofile.config.Config;

/**
 * Circuit-breaker thresholds from MicroProfile Config, prefix {@code llm.breaker} (env {@code LLM_BREAKER_...}).
 * Read through {@link Config} for the reason given on {@link RouterConfig}.
 *
 * @param consecutiveFailures open after this many failures in a row ({@code consecutive-failures}, 5)
 * @param failureRatio        or at this failure share of the window ({@code failure-ratio}, 0.5)
 * @param window              calls in the sliding window ({@code window}, 20)
 * @param minimumCalls        calls needed before the ratio counts ({@code minimum-calls}, 10)
 * @param openMs              cool-down before a half-open trial ({@code open-ms}, 30000)
 */
public record BreakerConfig(int consecutiveFailures, double failureRatio, int window, int minimumCalls, long openMs) {

    private static final String PREFIX = "llm.breaker.";

    public static BreakerConfig from(Config config) {
        return new BreakerConfig(
                config.getOptionalValue(PREFIX + "consecutive-failures", Integer.class).orElse(5),
                config.getOptionalValue(PREFIX + "failure-ratio", Double.class).orElse(0.5),
                config.getOptionalValue(PREFIX + "window", Integer.class).orElse(20),
                config.getOptionalValue(PREFIX + "minimum-calls", Integer.class).orElse(10),
                config.getOptionalValue(PREFIX + "open-ms", Long.class).orElse(30_000L));
    }
}
