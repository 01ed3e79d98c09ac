package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    private static GatewayKey key(Integer rpm, Integer tpm) {
        return new GatewayKey("key_1", "test", Role.CLIENT, "cbk-abc...", Instant.EPOCH, null,
                new KeyLimits(rpm, tpm, null, null));
    }

    @Test
    void admitsUpToTheRequestLimitThenRefusesWithTheWaitAndOpenAiHeaders() {
        GatewayKey key = key(3, null);
        assertEquals("2", limiter.admit(key).headers().get("x-ratelimit-remaining-requests"));
        limiter.admit(key);
        RateLimitSnapshot last = limiter.admit(key);
        assertEquals(Map.of("x-ratelimit-limit-requests", "3", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1m0s"), last.headers());

        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class, () -> limiter.admit(key));
        assertEquals(RateLimitExceededException.Limit.REQUESTS, refused.limit());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter().orElseThrow()); // one request refills in 60 s / 3
        assertTrue(refused.getMessage().contains("requests per minute (RPM): Limit 3"), refused.getMessage());

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertEquals("0", limiter.admit(key).headers().get("x-ratelimit-remaining-requests"));
    }

    @Test
    void tokensAreChargedAfterTheAnswerAndBlockUntilRefilled() {
        GatewayKey key = key(null, 1000);
        limiter.admit(key);
        limiter.charge(key, 1500); // one answer used more than the minute's tokens
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class, () -> limiter.admit(key));
        assertEquals(RateLimitExceededException.Limit.TOKENS, refused.limit());
        assertEquals("0", refused.snapshot().headers().get("x-ratelimit-remaining-tokens"));
        assertEquals(Duration.ofSeconds(30).plusMillis(60), refused.retryAfter().orElseThrow()); // 501 tokens at 1000/min

        nanos.addAndGet(refused.retryAfter().orElseThrow().toNanos());
        assertEquals("1", limiter.admit(key).headers().get("x-ratelimit-remaining-tokens"));
    }

    @Test
    void aKeyWithoutLimitsIsNeverRefusedAndGetsNoHeaders() {
        GatewayKey key = key(null, null);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.admit(key).headers().isEmpty());
        }
    }

    @Test
    void changedLimitsStartFreshBuckets() {
        limiter.admit(key(1, null));
        assertThrows(RateLimitExceededException.class, () -> limiter.admit(key(1, null)));
        assertEquals("4", limiter.admit(key(5, null)).headers().get("x-ratelimit-remaining-requests"));
    }

    @Test
    void durationsUseOpenAisFormat() {
        assertEquals("0s", RateLimitSnapshot.format(Duration.ZERO));
        assertEquals("250ms", RateLimitSnapshot.format(Duration.ofMillis(250)));
        assertEquals("1ms", RateLimitSnapshot.format(Duration.ofNanos(10)));
        assertEquals("1.5s", RateLimitSnapshot.format(Duration.ofMillis(1500)));
        assertEquals("20s", RateLimitSnapshot.format(Duration.ofSeconds(20)));
        assertEquals("6m0s", RateLimitSnapshot.format(Duration.ofMinutes(6)));
        assertEquals("1m0.5s", RateLimitSnapshot.format(Duration.ofMillis(60_500)));
    }
}
