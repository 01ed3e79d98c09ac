package io.circuitbreaker.llm.access;

import java.time.Duration;

/**
 * A per-minute limit as a token bucket: holds up to {@code perMinute} units and refills evenly over a minute, so a
 * key may burst to its limit and then runs at its average rate, with no cliff at a window boundary.
 *
 * <p>Not thread-safe: {@link RateLimiter} guards each key's buckets.
 */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int perMinute;
    private final double perNano;
    private double available;
    private long updatedNanos;

    TokenBucket(int perMinute, long nowNanos) {
        this.perMinute = perMinute;
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.available = perMinute;
        this.updatedNanos = nowNanos;
    }

    int limit() {
        return perMinute;
    }

    /** Takes {@code units} if they are all there; otherwise takes nothing. */
    boolean tryTake(long units, long nowNanos) {
        refill(nowNanos);
        if (available < units) {
            return false;
        }
        available -= units;
        return true;
    }

    /** Whether anything is left (the token limit admits a request while the bucket is not empty). */
    boolean hasAny(long nowNanos) {
        refill(nowNanos);
        return available >= 1;
    }

    /**
     * Takes what was used whether or not it is there: tokens are known only after the answer. A debt is paid back by
     * refilling before the next request; it is capped at one minute's worth.
     */
    void charge(long units, long nowNanos) {
        refill(nowNanos);
        available = Math.max(-perMinute, available - units);
    }

    long remaining(long nowNanos) {
        refill(nowNanos);
        return Math.max(0, (long) Math.floor(available));
    }

    /** How long until {@code units} are available. */
    Duration waitFor(long units, long nowNanos) {
        refill(nowNanos);
        double missing = units - available;
        return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / perNano));
    }

    /** How long until the bucket is full again (OpenAI's {@code x-ratelimit-reset-*}). */
    Duration untilFull(long nowNanos) {
        return waitFor(perMinute, nowNanos);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            available = Math.min(perMinute, available + elapsed * perNano);
            updatedNanos = nowNanos;
        }
    }
}
