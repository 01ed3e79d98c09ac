package io.circuitbreaker.llm.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * What one health probe saw.
 *
 * @param healthy   whether the provider answered the probe successfully
 * @param latency   how long the probe took
 * @param checkedAt when the probe finished
 * @param error     why it failed, redacted; {@code null} when healthy
 */
public record HealthProbe(boolean healthy, Duration latency, Instant checkedAt, String error) {

    public static HealthProbe up(Duration latency, Instant checkedAt) {
        return new HealthProbe(true, latency, checkedAt, null);
    }

    public static HealthProbe down(Duration latency, Instant checkedAt, String error) {
        return new HealthProbe(false, latency, checkedAt, io.circuitbreaker.llm.error.Secrets.redact(error));
    }
}
