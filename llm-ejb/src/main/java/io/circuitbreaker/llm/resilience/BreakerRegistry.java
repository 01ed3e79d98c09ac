package io.circuitbreaker.llm.resilience;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One breaker per deployment key ({@code providerId/modelId}), created on first use. */
public final class BreakerRegistry {

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final BreakerSettings settings;
    private final Supplier<Instant> clock;

    public BreakerRegistry(BreakerSettings settings, Supplier<Instant> clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public CircuitBreaker forDeployment(String key) {
        return breakers.computeIfAbsent(key, k -> new CircuitBreaker(settings, clock));
    }

    /** Every breaker's state, by deployment key, for health checks and the API. */
    public Map<String, CircuitBreaker.Snapshot> snapshots() {
        Map<String, CircuitBreaker.Snapshot> result = new TreeMap<>();
        breakers.forEach((key, breaker) -> result.put(key, breaker.snapshot()));
        return result;
    }
}
