package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.shared.RedisScript;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes once per cluster through Redis. Before a provider's round an instance takes its lease,
 * {@code SET <prefix>lease:{<id>} <instance> NX PX <interval>}: whoever gets it probes and publishes the result to
 * the hash {@code <prefix>result:{<id>}} (kept for {@value #RESULT_LIFETIME_INTERVALS} intervals); the others read
 * that hash instead. The lease is never released: it expires one interval after it was taken, so a holder that dies
 * (even kill -9) is replaced at the next round of any other instance.
 *
 * <p>What goes to Redis: healthy or not, latency, when, the error as already redacted, the probing instance's name,
 * and a digest of the upstream's identity (never the base URL itself: its query may carry a key; never a key).
 *
 * <p>While Redis cannot be asked, every round is {@link Round#PROBE}: the instance probes locally, as without Redis;
 * that is logged at most every 30 s.
 */
public final class RedisProbeCoordination implements ProbeCoordination {

    private static final Logger LOG = Logger.getLogger(RedisProbeCoordination.class.getName());
    private static final RedisScript PUBLISH = RedisScript.load(RedisProbeCoordination.class, "publish.lua");
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();
    /** A shared result outlives the round it was probed in, so a late adopter still finds it. */
    static final int RESULT_LIFETIME_INTERVALS = 3;
    public static final String DEFAULT_PREFIX = "llm:health:";

    private final SharedRedis redis;
    private final String prefix;
    private final String instanceId;
    private final Duration interval;
    private volatile long nextLog = System.nanoTime();

    /**
     * @param prefix     the keys' prefix ({@link #DEFAULT_PREFIX}; tests use one of their own)
     * @param instanceId this instance's name, stored with the lease and the results it publishes
     * @param interval   the probe interval: the lease's lifetime
     */
    public RedisProbeCoordination(SharedRedis redis, String prefix, String instanceId, Duration interval) {
        this.redis = redis;
        this.prefix = prefix;
        this.instanceId = instanceId;
        this.interval = interval;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Round begin(String providerId, String fingerprint) {
        try {
            return redis.call(r -> {
                String taken = r.set(leaseKey(providerId), instanceId, SetArgs.Builder.nx().px(interval.toMillis()));
                if ("OK".equals(taken)) {
                    return Round.PROBE;
                }
                return Round.heldElsewhere(parse(r.hgetall(resultKey(providerId)), digest(fingerprint)));
            });
        } catch (RuntimeException e) {
            unavailable(e);
            return Round.PROBE;
        }
    }

    @Override
    public void publish(String providerId, String fingerprint, Observation result) {
        try {
            redis.call(r -> PUBLISH.run(r, new String[] {resultKey(providerId)},
                    Long.toString(result.at().toEpochMilli()), result.ok() ? "1" : "0",
                    result.latencyMs() == null ? "" : Long.toString(result.latencyMs()),
                    result.error() == null ? "" : result.error(),
                    result.probedBy() == null ? instanceId : result.probedBy(), digest(fingerprint),
                    Long.toString(interval.multipliedBy(RESULT_LIFETIME_INTERVALS).toMillis())));
        } catch (RuntimeException e) {
            unavailable(e);
        }
    }

    String leaseKey(String providerId) {
        return prefix + "lease:{" + providerId + "}";
    }

    String resultKey(String providerId) {
        return prefix + "result:{" + providerId + "}";
    }

    /** A shared result about the same upstream, or {@code null} (none, another upstream's, or unreadable). */
    private static Observation parse(Map<String, String> hash, String fingerprint) {
        if (hash == null || hash.isEmpty() || !fingerprint.equals(hash.get("fp"))) {
            return null;
        }
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(hash.get("at")));
            String latency = hash.getOrDefault("latency", "");
            String error = hash.getOrDefault("error", "");
            boolean ok = "1".equals(hash.get("ok"));
            return new Observation(ok, at, latency.isEmpty() ? null : Long.valueOf(latency),
                    ok || error.isEmpty() ? null : error, hash.get("by"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The upstream's identity as stored in Redis: a digest, since the base URL may carry a key in its query. */
    static String digest(String fingerprint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void unavailable(RuntimeException e) {
        long now = System.nanoTime();
        if (now - nextLog >= 0) {
            nextLog = now + LOG_EVERY_NANOS;
            // the message names host and port at most (SharedRedis never puts the URL in it)
            LOG.log(Level.WARNING, "Health probes are run by this instance itself while Redis cannot be asked ({0});"
                    + " this is logged at most every 30 s", e.getMessage());
        }
    }
}
