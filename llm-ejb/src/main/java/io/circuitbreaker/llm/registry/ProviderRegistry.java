package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.registry.store.ConfigurationStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The providers and models the gateway routes to. The database owns them (the default catalog is written there at the
 * very first start); this bean keeps an immutable copy in memory so every request reads it without a query.
 *
 * <p>Reads are lock-free ({@link LockType#READ} on an immutable list swapped atomically). Writes go to the database
 * first, in their own transaction, and only then replace the in-memory copy, so memory never shows a configuration
 * that failed to commit.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProviderRegistry {

    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

    @EJB
    ConfigurationStore store;

    @Inject
    Event<ProvidersChanged> changed;

    @Inject
    ProviderSnapshot snapshot;

    private final List<ProviderDefinition> defaults = CatalogReader.defaultCatalog();
    private volatile List<ProviderDefinition> providers = List.of();
    private volatile boolean loaded;

    @PostConstruct
    void load() {
        store.seedOnce(defaults);
        providers = store.providers();
        snapshot.publish(providers);
        loaded = true;
        LOG.info(() -> "Provider catalog loaded from the database: " + providers.size() + " providers, "
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

    /** The built-in catalog as shipped (not as edited): default base URLs and the seed's prices. */
    public List<ProviderDefinition> defaults() {
        return defaults;
    }

    /**
     * Validates a client's configuration, stores it and makes it effective for the next request.
     *
     * @throws InvalidConfigurationException listing every problem; nothing is stored then
     */
    @Lock(LockType.WRITE)
    public ProviderDefinition configure(ProviderConfiguration request) {
        ProviderDefinition provider = ProviderConfigurations.apply(request, providers, defaults);
        upsert(provider);
        return provider;
    }

    /** Stores a provider definition (creating or replacing by id) and makes it effective for the next request. */
    @Lock(LockType.WRITE)
    public void upsert(ProviderDefinition provider) {
        store.save(provider);
        List<ProviderDefinition> next = new ArrayList<>(providers);
        int index = indexOf(next, provider.id());
        if (index >= 0) {
            next.set(index, provider);
        } else {
            next.add(provider);
        }
        providers = List.copyOf(next);
        snapshot.publish(providers);
        changed.fire(new ProvidersChanged(provider.id()));
    }

    /** Removes a provider; it stays removed across restarts (the default catalog is never written again). */
    @Lock(LockType.WRITE)
    public boolean remove(String id) {
        boolean removed = store.removeProvider(id);
        List<ProviderDefinition> next = new ArrayList<>(providers);
        int index = indexOf(next, id);
        if (index >= 0) {
            next.remove(index);
            removed = true;
        }
        providers = List.copyOf(next);
        snapshot.publish(providers);
        changed.fire(new ProvidersChanged(id));
        return removed;
    }

    /** Every model of every provider, in catalog order. */
    public List<ModelDefinition> models() {
        return providers.stream().flatMap(p -> p.models().stream()).toList();
    }

    private static int indexOf(List<ProviderDefinition> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
