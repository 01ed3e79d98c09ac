package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.view.BreakerView;
import io.circuitbreaker.llm.api.graphql.view.HealthStatusView;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.health.ProviderHealth;
import io.circuitbreaker.llm.health.ProviderHealthService;
import io.circuitbreaker.llm.router.RouterRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A provider's health for GraphQL, from the same cached state the {@code llm-providers} health group shows (the
 * background monitor's probes, real traffic, breakers, whether the key resolves). Reading it calls no upstream.
 */
@ApplicationScoped
public class ProviderStatus {

    @Inject
    ProviderHealthService health;

    @Inject
    RouterRuntime runtime;

    public HealthStatusView of(ProviderDefinition provider) {
        ProviderHealth report = health.report(provider);
        String reason = report.lastError();
        if (ProviderHealth.KEY_MISSING.equals(reason)) {
            reason = reason + ": set " + keyVariable(provider);
        }
        return new HealthStatusView(report.healthy(),
                report.lastCheck() == null ? null : report.lastCheck().toString(), report.apiKeyConfigured(),
                reason, breakers(provider));
    }

    public boolean keyConfigured(ProviderDefinition provider) {
        return health.keyConfigured(provider);
    }

    private List<BreakerView> breakers(ProviderDefinition provider) {
        String prefix = provider.id() + "/";
        return runtime.breakers().snapshots().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new BreakerView(e.getKey(), e.getValue()))
                .toList();
    }

    private static String keyVariable(ProviderDefinition provider) {
        String named = "LLM_API_KEY_" + ProviderHealthService.keyId(provider).replaceAll("[^A-Za-z0-9]", "_")
                .toUpperCase(java.util.Locale.ROOT);
        return switch (provider.providerType()) {
            case OPENAI -> named + " or OPENAI_API_KEY";
            case ANTHROPIC -> named + " or ANTHROPIC_API_KEY";
            case GOOGLE -> named + " or GOOGLE_API_KEY (GEMINI_API_KEY)";
            case OPENAI_COMPATIBLE -> named;
        };
    }
}
