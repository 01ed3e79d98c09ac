package io.circuitbreaker.llm.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place provider health is kept, by provider id. Writers are the monitor (probes) and the router (real
 * traffic); readers are the health checks and GraphQL. Each update is one atomic map operation on an immutable
 * value, so the request path pays no lock and readers never see half an update.
 */
@ApplicationScoped
public class HealthCache {

    private final Map<String, ProviderHealthState> states = new ConcurrentHashMap<>();

    public Optional<ProviderHealthState> get(String providerId) {
        return Optional.ofNullable(states.get(providerId));
    }

    public void recordProbe(String providerId, String baseUrl, Observation probe) {
        states.merge(providerId, new ProviderHealthState(baseUrl, probe, null),
                (old, fresh) -> new ProviderHealthState(baseUrl, probe,
                        // traffic seen against another base URL says nothing about this one
                        sameUrl(old.baseUrl(), baseUrl) ? old.lastTraffic() : null));
    }

    public void recordTraffic(String providerId, Observation outcome) {
        states.merge(providerId, new ProviderHealthState(null, null, outcome),
                (old, fresh) -> new ProviderHealthState(old.baseUrl(), old.lastProbe(), outcome));
    }

    /** Forgets providers that are no longer configured. */
    public void retainOnly(Collection<String> providerIds) {
        Set<String> keep = new HashSet<>(providerIds);
        states.keySet().removeIf(id -> !keep.contains(id));
    }

    private static boolean sameUrl(String a, String b) {
        return a == null || a.equals(b);
    }
}
