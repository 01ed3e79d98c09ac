package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.config.ApiKeys;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.resilience.BreakerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The cached health of the configured providers, for the health checks and GraphQL alike, so both always say the same
 * thing. Reads only: configuration, the cache and the breakers.
 */
@ApplicationScoped
public class ProviderHealthService {

    @Inject
    ProviderRegistry registry;

    @Inject
    ApiKeys apiKeys;

    @Inject
    HealthCache cache;

    @Inject
    BreakerRegistry breakers;

    private ProviderHealthReports reports;

    @PostConstruct
    void init() {
        reports = new ProviderHealthReports(this::keyConfigured,
                p -> ProviderHealthReports.keyRequired(p.providerType()), cache::get,
                () -> breakers.snapshots());
    }

    public ProviderHealth report(ProviderDefinition provider) {
        return reports.report(provider);
    }

    /** Every configured provider's health, in configuration order. */
    public List<ProviderHealth> reports() {
        return reports.reports(registry.providers());
    }

    public List<ProviderDefinition> providers() {
        return registry.providers();
    }

    public boolean keyConfigured(ProviderDefinition provider) {
        return apiKeys.resolve(keyId(provider), provider.providerType()).isPresent();
    }

    /** The secret's name a provider's key is looked up by (its id when no apiKeyId is set, as the router does). */
    public static String keyId(ProviderDefinition provider) {
        return provider.apiKeyId() == null ? provider.id() : provider.apiKeyId();
    }
}
