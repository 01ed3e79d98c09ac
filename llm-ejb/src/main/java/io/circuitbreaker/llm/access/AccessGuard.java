package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admits chat requests for a gateway key: the key must be active, within its rate limits, and its budget must cover
 * the request's maximum cost over the resolved candidates. The chat application service asks here before it calls
 * the router, so nothing goes upstream for a request that is refused.
 *
 * <p>With Redis configured, limits and budgets are the shared ones ({@link SharedRateLimiter}, {@link
 * SharedBudgetLedger}); while Redis cannot be asked, the failure mode decides: this instance's own limits and budgets
 * (fail-open) or a 503 (fail-closed). Keys without limits or budget never wait for Redis.
 */
@ApplicationScoped
public class AccessGuard {

    @Inject
    KeyCache keys;

    @EJB
    ApiKeyStore store;

    @Inject
    SharedRedis redis;

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private BudgetLedger ledger;
    private SharedRateLimiter sharedLimiter;
    private SharedBudgetLedger sharedLedger;

    @PostConstruct
    void init() {
        ledger = new BudgetLedger((keyId, since) -> store.spentSince(keyId, since), Instant::now);
        if (redis.configured()) {
            sharedLimiter = new SharedRateLimiter(redis);
            sharedLedger = new SharedBudgetLedger(redis, (keyId, since) -> store.spentSince(keyId, since),
                    Instant::now);
        }
    }

    /**
     * The caller's key, if it is still active.
     *
     * @throws GatewayException {@link GatewayError#KEY_REJECTED} when the key is unknown or revoked
     */
    public GatewayKey activeKey(String keyId) {
        return keys.byId(keyId).filter(GatewayKey::isActive)
                .orElseThrow(() -> new GatewayException(GatewayError.KEY_REJECTED, "the gateway key is not active"));
    }

    /**
     * Admits one chat request, already resolved to its candidates.
     *
     * @throws RateLimitExceededException when the key is over a per-minute limit
     * @throws BudgetExceededException    when its budget cannot cover the request
     * @throws GatewayException           {@link GatewayError#SHARED_STATE_UNAVAILABLE} when Redis cannot be asked and
     *                                    the failure mode is closed
     */
    public Admission admit(GatewayKey key, ChatRequest request, Resolution resolution) {
        return admit(key, () -> CostCeiling.of(request, resolution.candidates()));
    }

    /**
     * Admits one embeddings request, already resolved: the same per-minute limits and budget as chat, reserving its
     * input priced at the dearest candidate.
     *
     * @throws RateLimitExceededException when the key is over a per-minute limit
     * @throws BudgetExceededException    when its budget cannot cover the request
     */
    public Admission admit(GatewayKey key, EmbeddingRequest request, Resolution resolution) {
        return admit(key, () -> CostCeiling.of(request, resolution.candidates()));
    }

    private Admission admit(GatewayKey key, Supplier<BigDecimal> ceiling) {
        KeyLimits limits = key.limits();
        boolean rateLimited = limits.requestsPerMinute() != null || limits.tokensPerMinute() != null;
        KeyRateLimits used = rateLimited ? chooseLimiter() : limiter;
        RateLimitSnapshot rateLimits;
        try {
            rateLimits = used.admit(key);
        } catch (SharedStateUnavailableException e) {
            used = whileRedisIsAway(() -> limiter);
            rateLimits = used.admit(key);
        }
        BudgetHold hold = limits.hasBudget() ? reserve(key, ceiling.get()) : BudgetHold.NONE;
        return new Admission(key, rateLimits, hold, used);
    }

    private KeyRateLimits chooseLimiter() {
        return sharedLimiter != null ? sharedLimiter : limiter;
    }

    private BudgetHold reserve(GatewayKey key, BigDecimal maxCost) {
        if (sharedLedger != null) {
            try {
                return sharedLedger.reserve(key, maxCost);
            } catch (SharedStateUnavailableException e) {
                whileRedisIsAway(() -> null);
            }
        }
        return ledger.reserve(key, maxCost);
    }

    /** Fail-open: counts the fallback and answers with this instance's own state; fail-closed: refuses. */
    private <T> T whileRedisIsAway(Supplier<T> local) {
        switch (redis.failureMode()) {
            case OPEN -> {
                redis.countFallback();
                return local.get();
            }
            case CLOSED -> {
                redis.countRefusal();
                throw new GatewayException(GatewayError.SHARED_STATE_UNAVAILABLE, "The gateway cannot reach the"
                        + " store its instances share their rate limits and budgets in (Redis), and it is set to"
                        + " refuse requests then (llm.redis.failure-mode=closed). Please try again shortly.",
                        Duration.ofSeconds(1));
            }
        }
        throw new IllegalStateException("unknown failure mode " + redis.failureMode());
    }

    /** Where the key's budget stands, or empty when it has none. */
    public Optional<BudgetStatus> budget(GatewayKey key) {
        if (!key.limits().hasBudget()) {
            return Optional.empty();
        }
        if (sharedLedger != null) {
            try {
                return Optional.of(sharedLedger.status(key));
            } catch (SharedStateUnavailableException e) {
                // an answer for a report, not an admission: this instance's view will do
            }
        }
        return Optional.ofNullable(ledger.status(key));
    }

    /** Limits changed or the key was revoked: its buckets and spend are read afresh. */
    public void forget(String keyId) {
        limiter.forget(keyId);
        ledger.forget(keyId);
    }
}
