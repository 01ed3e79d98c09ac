package io.circuitbreaker.llm.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key requests-per-minute and tokens-per-minute limits, in memory: one gateway instance's own ({@link
 * SharedRateLimiter} keeps them in Redis for several). A request is admitted when a request unit is free and the token bucket is not empty; the tokens
 * the answer used are charged when it is known.
 */
public final class RateLimiter implements KeyRateLimits {

    private final Map<String, KeyBuckets> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one request unit for the key.
     *
     * @return the state after taking it, for the response headers
     * @throws RateLimitExceededException when a limit is reached (nothing is taken)
     */
    @Override
    public RateLimitSnapshot admit(GatewayKey key) {
        KeyLimits limits = key.limits();
        if (limits.requestsPerMinute() == null && limits.tokensPerMinute() == null) {
            return RateLimitSnapshot.NONE;
        }
        KeyBuckets keyBuckets = bucketsOf(key);
        synchronized (keyBuckets) {
            long now = nanoClock.getAsLong();
            if (keyBuckets.tokens != null && !keyBuckets.tokens.hasAny(now)) {
                throw new RateLimitExceededException(RateLimitExceededException.Limit.TOKENS,
                        keyBuckets.snapshot(now), keyBuckets.tokens.waitFor(1, now));
            }
            if (keyBuckets.requests != null && !keyBuckets.requests.tryTake(1, now)) {
                throw new RateLimitExceededException(RateLimitExceededException.Limit.REQUESTS,
                        keyBuckets.snapshot(now), keyBuckets.requests.waitFor(1, now));
            }
            return keyBuckets.snapshot(now);
        }
    }

    /** Charges the tokens an answer used. */
    @Override
    public void charge(GatewayKey key, long tokens) {
        if (tokens <= 0 || key.limits().tokensPerMinute() == null) {
            return;
        }
        KeyBuckets keyBuckets = bucketsOf(key);
        synchronized (keyBuckets) {
            keyBuckets.tokens.charge(tokens, nanoClock.getAsLong());
        }
    }

    /** Forgets a key's buckets (revoked, or its limits changed). */
    public void forget(String keyId) {
        buckets.remove(keyId);
    }

    private KeyBuckets bucketsOf(GatewayKey key) {
        KeyBuckets existing = buckets.get(key.id());
        if (existing != null && existing.matches(key.limits())) {
            return existing;
        }
        KeyBuckets fresh = new KeyBuckets(key.limits(), nanoClock.getAsLong());
        buckets.put(key.id(), fresh);
        return fresh;
    }

    private static final class KeyBuckets {
        final TokenBucket requests;
        final TokenBucket tokens;

        KeyBuckets(KeyLimits limits, long now) {
            requests = limits.requestsPerMinute() == null ? null : new TokenBucket(limits.requestsPerMinute(), now);
            tokens = limits.tokensPerMinute() == null ? null : new TokenBucket(limits.tokensPerMinute(), now);
        }

        boolean matches(KeyLimits limits) {
            return java.util.Objects.equals(limits.requestsPerMinute(), requests == null ? null : requests.limit())
                    && java.util.Objects.equals(limits.tokensPerMinute(), tokens == null ? null : tokens.limit());
        }

        RateLimitSnapshot snapshot(long now) {
            return new RateLimitSnapshot(
                    requests == null ? null : requests.limit(),
                    requests == null ? null : requests.remaining(now),
                    requests == null ? null : requests.untilFull(now),
                    tokens == null ? null : tokens.limit(),
                    tokens == null ? null : tokens.remaining(now),
                    tokens == null ? null : tokens.untilFull(now));
        }
    }
}
