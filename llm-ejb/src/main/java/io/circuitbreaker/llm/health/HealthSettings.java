package io.circuitbreaker.llm.health;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the monitor runs, from MicroProfile Config.
 *
 * @param interval    time between two probes of one provider ({@code llm.health.interval}, default 30 s)
 * @param jitter      up to this much is added to each interval at random ({@code llm.health.jitter}, default a tenth
 *                    of the interval), so replicas and providers do not probe in lockstep
 * @param concurrency probes in flight at once at most ({@code llm.health.max-concurrent-probes}, default 4)
 */
public record HealthSettings(Duration interval, Duration jitter, int concurrency) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_CONCURRENCY = 4;

    public HealthSettings {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("llm.health.interval must be positive");
        }
        jitter = jitter == null || jitter.isNegative() ? interval.dividedBy(10) : jitter;
        if (concurrency < 1) {
            throw new IllegalArgumentException("llm.health.max-concurrent-probes must be at least 1");
        }
    }

    /** Reads the settings through a property lookup ({@code Config::getOptionalValue} with String). */
    public static HealthSettings from(Function<String, Optional<String>> property) {
        Duration interval = property.apply("llm.health.interval").map(v -> parse("llm.health.interval", v))
                .orElse(DEFAULT_INTERVAL);
        Duration jitter = property.apply("llm.health.jitter").map(v -> parse("llm.health.jitter", v)).orElse(null);
        int concurrency = property.apply("llm.health.max-concurrent-probes").map(String::trim).map(Integer::parseInt)
                .orElse(DEFAULT_CONCURRENCY);
        return new HealthSettings(interval, jitter, concurrency);
    }

    /**
     * A duration as operators write it: {@code 30s}, {@code 500ms}, {@code 2m}, ISO-8601 {@code PT30S}, or a bare
     * number of seconds.
     */
    static Duration parse(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": not a duration: " + value
                    + " (use e.g. 30s, 500ms, 2m or PT30S)", e);
        }
    }
}
