package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns what the gateway already holds (cached probe and traffic results, breaker snapshots, whether a key resolves)
 * into a {@link ProviderHealth}. Pure reading: the health endpoints and GraphQL call it on every request, so it never
 * reaches an upstream.
 */
public final class ProviderHealthReports {

    private final Function<ProviderDefinition, Boolean> keyConfigured;
    private final Function<ProviderDefinition, Boolean> keyRequired;
    private final Function<String, Optional<ProviderHealthState>> states;
    private final Supplier<Map<String, CircuitBreaker.Snapshot>> breakers;

    public ProviderHealthReports(Function<ProviderDefinition, Boolean> keyConfigured,
            Function<ProviderDefinition, Boolean> keyRequired, Function<String, Optional<ProviderHealthState>> states,
            Supplier<Map<String, CircuitBreaker.Snapshot>> breakers) {
        this.keyConfigured = keyConfigured;
        this.keyRequired = keyRequired;
        this.states = states;
        this.breakers = breakers;
    }

    /** Whether a provider of this type can be called without a key (an OpenAI-compatible server may need none). */
    public static boolean keyRequired(ProviderType type) {
        return type != ProviderType.OPENAI_COMPATIBLE;
    }

    public ProviderHealth report(ProviderDefinition provider) {
        return report(provider, breakers.get());
    }

    /** Every provider's report, from one snapshot of the breakers (a health request reads them all). */
    public List<ProviderHealth> reports(List<ProviderDefinition> providers) {
        Map<String, CircuitBreaker.Snapshot> snapshot = breakers.get();
        return providers.stream().map(p -> report(p, snapshot)).toList();
    }

    private ProviderHealth report(ProviderDefinition provider, Map<String, CircuitBreaker.Snapshot> snapshot) {
        boolean hasKey = keyConfigured.apply(provider);
        // a result about another base URL (the provider was reconfigured) is not this provider's
        ProviderHealthState state = states.apply(provider.id())
                .filter(s -> s.baseUrl() == null || s.baseUrl().equals(provider.baseUrl()))
                .orElse(ProviderHealthState.EMPTY);
        Map<String, String> breakerStates = breakerStates(provider, snapshot);
        String error = null;
        if (!hasKey && keyRequired.apply(provider)) {
            error = ProviderHealth.KEY_MISSING;
        } else if (state.latest() != null && !state.latest().ok()) {
            error = Secrets.redact(state.latest().error());
        } else if (!breakerStates.isEmpty() && breakerStates.values().stream()
                .allMatch(CircuitBreaker.State.OPEN.name()::equals)) {
            error = ProviderHealth.ALL_BREAKERS_OPEN;
        }
        Observation probe = state.lastProbe();
        Observation traffic = state.lastTraffic();
        return new ProviderHealth(provider.id(), provider.providerType().wireName(), host(provider.baseUrl()), hasKey,
                error == null, probe == null ? null : probe.at(), probe == null ? null : probe.latencyMs(),
                traffic == null ? null : traffic.at(), breakerStates, error,
                probe == null ? null : probe.probedBy());
    }

    /**
     * Every deployment's breaker: the provider's models (CLOSED until traffic says otherwise) and any passthrough
     * model that has seen traffic.
     */
    private static Map<String, String> breakerStates(ProviderDefinition provider,
            Map<String, CircuitBreaker.Snapshot> snapshot) {
        Map<String, String> result = new TreeMap<>();
        for (ModelDefinition model : provider.models()) {
            result.put(provider.id() + "/" + model.id(), CircuitBreaker.State.CLOSED.name());
        }
        String prefix = provider.id() + "/";
        snapshot.forEach((deployment, breaker) -> {
            if (deployment.startsWith(prefix)) {
                result.put(deployment, breaker.state().name());
            }
        });
        return result;
    }

    static String host(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
