package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The configured providers as the request path reads them: a plain CDI bean holding the registry's latest immutable
 * list. {@link ProviderRegistry} (an EJB singleton, for its start-up load and its write lock) publishes here on
 * every change, so routing and metrics read the catalog with one volatile read instead of an EJB call each.
 */
@ApplicationScoped
public class ProviderSnapshot {

    private volatile List<ProviderDefinition> providers = List.of();

    public List<ProviderDefinition> providers() {
        return providers;
    }

    void publish(List<ProviderDefinition> current) {
        providers = List.copyOf(current);
    }
}
