package io.circuitbreaker.llm.resilience;

import io.circuitbreaker.llm.routing.Deployment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One breaker per deployment key ({@code providerId/modelId}), created on first use.
 *
 * <p>Catalog deployments (configured models) are few and chosen by an admin, so each keeps its breaker for good. A
 * pass-through deployment is named by the caller: any model name a naming rule or the default provider accepts gets
 * one, so keeping them all let every distinct name a client sends add a permanent entry, visible in the health data
 * as {@code <provider>.breaker.<name>} (#16). Those are kept in a least-recently-used map of at most
 * {@link #MAX_PASSTHROUGH} instead:
 * <ul>
 * <li>rather than one breaker per provider for all its pass-through models, so that one name the upstream fails on
 * (a caller can pick one) cannot open the breaker for every other pass-through model of that provider;</li>
 * <li>evicting the least recently used is safe: a model in use stays, and a forgotten breaker starts closed again, so
 * at worst one more call reaches an upstream that fails, which a caller flooding new names causes anyway (the first
 * call of each new name goes upstream).</li>
 * </ul>
 */
public final class BreakerRegistry {

    /** Pass-through deployments whose breakers are kept: far more than real use needs, small enough to list. */
    public static final int MAX_PASSTHROUGH = 128;

    private final Map<String, CircuitBreaker> cataloged = new ConcurrentHashMap<>();
    /** Access-ordered, guarded by itself: only pass-through traffic takes the lock. */
    private final LinkedHashMap<String, CircuitBreaker> passthrough;
    private final BreakerSettings settings;
    private final Supplier<Instant> clock;

    public BreakerRegistry(BreakerSettings settings, Supplier<Instant> clock) {
        this(settings, clock, MAX_PASSTHROUGH);
    }

    BreakerRegistry(BreakerSettings settings, Supplier<Instant> clock, int maxPassthrough) {
        this.settings = settings;
        this.clock = clock;
        this.passthrough = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CircuitBreaker> eldest) {
                return size() > maxPassthrough;
            }
        };
    }

    /** The deployment's breaker: kept for good for a catalog model, among the recently used for a pass-through one. */
    public CircuitBreaker forDeployment(Deployment deployment) {
        if (deployment.cataloged()) {
            return forDeployment(deployment.key());
        }
        synchronized (passthrough) {
            return passthrough.computeIfAbsent(deployment.key(), k -> new CircuitBreaker(settings, clock));
        }
    }

    /** A catalog deployment's breaker by key; a pass-through one must go through {@link #forDeployment(Deployment)}. */
    public CircuitBreaker forDeployment(String catalogKey) {
        return cataloged.computeIfAbsent(catalogKey, k -> new CircuitBreaker(settings, clock));
    }

    /** Every breaker's state, by deployment key, for health checks and the API. */
    public Map<String, CircuitBreaker.Snapshot> snapshots() {
        Map<String, CircuitBreaker.Snapshot> result = new TreeMap<>();
        synchronized (passthrough) {
            passthrough.forEach((key, breaker) -> result.put(key, breaker.snapshot()));
        }
        // a model added to the catalog after it was used as a pass-through one: the catalog's breaker is the one used
        cataloged.forEach((key, breaker) -> result.put(key, breaker.snapshot()));
        return result;
    }
}
