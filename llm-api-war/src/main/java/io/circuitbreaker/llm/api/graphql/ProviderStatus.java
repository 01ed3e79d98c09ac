package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.view.BreakerView;
import io.circuitbreaker.llm.api.graphql.view.HealthStatusView;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.config.ApiKeys;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.router.resilience.CircuitBreaker;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the gateway knows about a provider's health right now, from state it already holds: whether its key resolves
 * and what its deployments' circuit breakers say about real traffic. Reading it calls no upstream.
 */
@ApplicationScoped
public class ProviderStatus {

    @Inject
    ApiKeys apiKeys;

    @Inject
    RouterRuntime runtime;

    public HealthStatusView of(ProviderDefinition provider) {
        boolean keyConfigured = keyConfigured(provider);
        List<BreakerView> breakers = breakers(provider);
        boolean allOpen = !breakers.isEmpty()
                && breakers.stream().allMatch(b -> CircuitBreaker.State.OPEN.name().equals(b.getState()));
        String reason = null;
        if (!keyConfigured && provider.providerType() != ProviderType.OPENAI_COMPATIBLE) {
            reason = "API key not configured: set " + keyVariable(provider);
        } else if (allOpen) {
            reason = "every deployment's circuit breaker is open";
        }
        return new HealthStatusView(reason == null, null, keyConfigured, reason, breakers);
    }

    public boolean keyConfigured(ProviderDefinition provider) {
        return apiKeys.resolve(keyId(provider), provider.providerType()).isPresent();
    }

    private List<BreakerView> breakers(ProviderDefinition provider) {
        String prefix = provider.id() + "/";
        return runtime.breakers().snapshots().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new BreakerView(e.getKey(), e.getValue()))
                .toList();
    }

    private static String keyId(ProviderDefinition provider) {
        return provider.apiKeyId() == null ? provider.id() : provider.apiKeyId();
    }

    private static String keyVariable(ProviderDefinition provider) {
        String named = "LLM_API_KEY_" + keyId(provider).replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
        return switch (provider.providerType()) {
            case OPENAI -> named + " or OPENAI_API_KEY";
            case ANTHROPIC -> named + " or ANTHROPIC_API_KEY";
            case GOOGLE -> named + " or GOOGLE_API_KEY (GEMINI_API_KEY)";
            case OPENAI_COMPATIBLE -> named;
        };
    }
}
