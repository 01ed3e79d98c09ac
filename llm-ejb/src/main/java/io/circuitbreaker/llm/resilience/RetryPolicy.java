package io.circuitbreaker.llm.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before trying a deployment again after a retryable failure.
 *
 * @param attemptsPerDeployment calls to one deployment before moving to the next candidate (at least 1)
 * @param baseDelay             the first backoff ceiling; it doubles with each attempt
 * @param maxDelay              the backoff ceiling never exceeds this
 * @param maxRetryAfter         a provider's {@code retry-after} is honoured up to this; a longer wait moves on to the
 *                              next candidate instead of holding the caller
 */
public record RetryPolicy(int attemptsPerDeployment, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULTS = new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(4),
            Duration.ofSeconds(10));

    public RetryPolicy {
        if (attemptsPerDeployment < 1) {
            throw new IllegalArgumentException("attemptsPerDeployment must be at least 1");
        }
    }

    /**
     * The wait before the next attempt at the same deployment, or empty when it should not be retried there (the
     * provider asked for a longer wait than we are willing to hold the caller).
     *
     * @param failedAttempts attempts already made at this deployment (1 after the first failure)
     * @param retryAfter     what the provider asked for, if anything
     */
    public Optional<Duration> delayBeforeRetry(int failedAttempts, Optional<Duration> retryAfter,
            RandomGenerator random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(asked);
        }
        // full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^(n-1))]
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(20, failedAttempts - 1));
        return Optional.of(Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1)));
    }
}
