package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.shared.RedisScript;
import io.circuitbreaker.llm.shared.SharedRedis;
import java.time.Duration;
import java.util.List;

/**
 * The same per-minute token buckets as {@link RateLimiter}, kept in Redis and changed only by a Lua script, so a key's
 * limits hold across every gateway instance: ten requests a minute means ten in all, whichever instances take them.
 * The buckets refill by Redis' clock. A bucket's name holds its limit, so a changed limit starts a full bucket, as
 * on one instance.
 *
 * @throws io.circuitbreaker.llm.shared.SharedStateUnavailableException from every method when Redis cannot be asked
 */
final class SharedRateLimiter implements KeyRateLimits {

    private static final RedisScript ADMIT = RedisScript.load(SharedRateLimiter.class, "rate-admit.lua");
    private static final RedisScript CHARGE = RedisScript.load(SharedRateLimiter.class, "rate-charge.lua");

    private final SharedRedis redis;

    SharedRateLimiter(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public RateLimitSnapshot admit(GatewayKey key) {
        KeyLimits limits = key.limits();
        Integer rpm = limits.requestsPerMinute();
        Integer tpm = limits.tokensPerMinute();
        if (rpm == null && tpm == null) {
            return RateLimitSnapshot.NONE;
        }
        List<Object> reply = redis.call(r -> ADMIT.run(r, new String[] {requestsKey(key), tokensKey(key)},
                rpm == null ? "" : rpm.toString(), tpm == null ? "" : tpm.toString()));
        RateLimitSnapshot snapshot = new RateLimitSnapshot(rpm, count(reply, 3), duration(reply, 4),
                tpm, count(reply, 5), duration(reply, 6));
        if (number(reply, 0) == 0) {
            RateLimitExceededException.Limit limit = "tokens".equals(reply.get(1))
                    ? RateLimitExceededException.Limit.TOKENS : RateLimitExceededException.Limit.REQUESTS;
            throw new RateLimitExceededException(limit, snapshot, Duration.ofMillis(number(reply, 2)));
        }
        return snapshot;
    }

    @Override
    public void charge(GatewayKey key, long tokens) {
        Integer tpm = key.limits().tokensPerMinute();
        if (tokens <= 0 || tpm == null) {
            return;
        }
        redis.call(r -> CHARGE.run(r, new String[] {tokensKey(key)}, tpm.toString(), Long.toString(tokens)));
    }

    // {id} is a hash tag: both buckets of a key live in one slot of a Redis Cluster, as a script needs
    private static String requestsKey(GatewayKey key) {
        return "llm:rate:{" + key.id() + "}:requests:" + key.limits().requestsPerMinute();
    }

    private static String tokensKey(GatewayKey key) {
        return "llm:rate:{" + key.id() + "}:tokens:" + key.limits().tokensPerMinute();
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static Long count(List<Object> reply, int index) {
        long value = number(reply, index);
        return value < 0 ? null : value;
    }

    private static Duration duration(List<Object> reply, int index) {
        long value = number(reply, index);
        return value < 0 ? null : Duration.ofMillis(value);
    }
}
