package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The providers and models the gateway knows, loaded once at application start.
 *
 * <p>Reads are lock-free ({@link LockType#READ} on an immutable list swapped atomically), so every request can consult
 * the registry without contention.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class ProviderRegistry {

    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

    private volatile List<ProviderDefinition> providers = List.of();
    private volatile boolean loaded;

    @PostConstruct
    void loadDefaultCatalog() {
        providers = CatalogReader.defaultCatalog();
        loaded = true;
        LOG.info(() -> "Provider catalog loaded: " + providers.size() + " providers, "
                + providers.stream().mapToInt(p -> p.models().size()).sum() + " models");
    }

    /** Whether the catalog has been read; the startup health check waits for this. */
    public boolean isLoaded() {
        return loaded;
    }

    public List<ProviderDefinition> providers() {
        return providers;
    }

    public Optional<ProviderDefinition> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Adds a provider configuration, or replaces the one with the same id. Takes effect for the next request.
     * (Persistence of runtime configuration belongs to the GraphQL issue; until then changes last until restart.)
     */
    @Lock(LockType.WRITE)
    public void upsert(ProviderDefinition provider) {
        java.util.List<ProviderDefinition> next = new java.util.ArrayList<>(providers);
        next.removeIf(p -> p.id().equals(provider.id()));
        next.add(provider);
        providers = List.copyOf(next);
    }

    /** Every model of every provider, in catalog order. */
    public List<ModelDefinition> models() {
        return providers.stream().flatMap(p -> p.models().stream()).toList();
    }
}
