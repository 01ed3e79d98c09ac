package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import java.math.BigDecimal;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.routing.Resolution;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admits chat requests for a gateway key: the key must be active, within its rate limits, and its budget must cover
 * the request's maximum cost over the resolved candidates. The chat application service asks here before it calls
 * the router, so nothing goes upstream for a request that is refused.
 */
@ApplicationScoped
public class AccessGuard {

    @Inject
    KeyCache keys;

    @EJB
    ApiKeyStore store;

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private BudgetLedger ledger;

    @PostConstruct
    void init() {
        ledger = new BudgetLedger((keyId, since) -> store.spentSince(keyId, since), Instant::now);
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
        RateLimitSnapshot rateLimits = limiter.admit(key);
        BudgetLedger.Reservation reservation = key.limits().hasBudget()
                ? ledger.reserve(key, ceiling.get())
                : BudgetLedger.Reservation.NONE;
        return new Admission(key, rateLimits, reservation, limiter);
    }

    /** Where the key's budget stands, or empty when it has none. */
    public Optional<BudgetStatus> budget(GatewayKey key) {
        return Optional.ofNullable(ledger.status(key));
    }

    /** Limits changed or the key was revoked: its buckets and spend are read afresh. */
    public void forget(String keyId) {
        limiter.forget(keyId);
        ledger.forget(keyId);
    }
}
