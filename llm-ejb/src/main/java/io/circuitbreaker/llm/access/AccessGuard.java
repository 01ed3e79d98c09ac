package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.Resolution;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Admits chat requests for a gateway key: the model must exist, the key must be within its rate limits, and its
 * budget must cover the request's maximum cost. Both APIs (OpenAI-compatible and GraphQL) ask here before they call
 * the router, so nothing goes upstream for a request that is refused.
 */
@ApplicationScoped
public class AccessGuard {

    @Inject
    KeyCache keys;

    @Inject
    RouterRuntime router;

    @EJB
    ApiKeyStore store;

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private BudgetLedger ledger;

    @PostConstruct
    void init() {
        ledger = new BudgetLedger((keyId, since) -> store.spentSince(keyId, since), Instant::now);
    }

    /**
     * Admits one chat request.
     *
     * @param keyId the authenticated caller's key id
     * @throws io.circuitbreaker.llm.routing.UnknownModelException for a model nobody serves
     * @throws RateLimitExceededException                                  when the key is over a per-minute limit
     * @throws BudgetExceededException                                     when its budget cannot cover the request
     * @throws IllegalStateException                                       when the key is unknown or revoked
     */
    public Admission admit(String keyId, ChatRequest request) {
        GatewayKey key = keys.byId(keyId).filter(GatewayKey::isActive)
                .orElseThrow(() -> new IllegalStateException("the gateway key is not active"));
        Resolution resolution = router.resolve(request.model());
        RateLimitSnapshot rateLimits = limiter.admit(key);
        BudgetLedger.Reservation reservation = key.limits().hasBudget()
                ? ledger.reserve(key, CostCeiling.of(request, resolution.candidates()))
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
