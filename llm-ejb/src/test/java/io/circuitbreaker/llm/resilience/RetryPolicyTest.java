package io.circuitbreaker.llm.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(5));

    @Test
    void fullJitterStaysWithinTheDoublingCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                long ms = policy.delayBeforeRetry(attempt, Optional.empty(), random).orElseThrow().toMillis();
                assertTrue(ms >= 0 && ms <= ceilings[attempt - 1], "attempt " + attempt + ": " + ms);
            }
        }
    }

    @Test
    void jitterActuallyVaries() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.delayBeforeRetry(3, Optional.empty(), random).orElseThrow())
                .distinct().count();
        assertTrue(distinct > 10, "full jitter spreads retries: " + distinct);
    }

    @Test
    void providersRetryAfterIsHonouredUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(3)),
                policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(3)), new SplittableRandom()));
        assertEquals(Optional.empty(),
                policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(30)), new SplittableRandom()),
                "a longer wait moves on to the next candidate");
    }
}
