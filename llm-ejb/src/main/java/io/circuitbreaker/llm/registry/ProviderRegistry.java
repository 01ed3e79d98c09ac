package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.cluster.ChangeTopic;
import io.circuitbreaker.llm.cluster.LocalChange;
import io.circuitbreaker.llm.cluster.RemoteChange;
import io.circuitbreaker.llm.cluster.StartupLock;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
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
import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.litellm.PriceMap;
import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import io.circuitbreaker.llm.registry.importing.CatalogMerge;
import io.circuitbreaker.llm.registry.importing.PriceMapTargets;
import io.circuitbreaker.llm.registry.importing.ShippedCatalogUpgrade;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    @Inject
    Event<LocalChange> announce;

    @Inject
    StartupLock startupLock;

    private final List<ProviderDefinition> defaults = CatalogReader.defaultCatalog();
    private volatile List<ProviderDefinition> providers = List.of();
    private volatile boolean loaded;

    @PostConstruct
    void load() {
        startupLock.run("Provider catalog", () -> {
            boolean seeded = store.seedOnce(defaults);
            providers = store.providers();
            upgradeToShippedCatalog(seeded);
            StartupPriceMap.path().ifPresent(this::importAtStartup);
        });
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
        announce.fire(new LocalChange(ChangeTopic.PROVIDERS));
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
        announce.fire(new LocalChange(ChangeTopic.PROVIDERS));
        return removed;
    }

    /**
     * Applies a LiteLLM price map to the configured providers (see {@link CatalogMerge} for the rules).
     *
     * @param dryRun report what would change, change nothing
     * @return what changed (or would), and what was ignored and why
     * @throws io.circuitbreaker.llm.catalog.CatalogFormatException when the result would be too large; nothing
     *                                                              changes then
     */
    @Lock(LockType.WRITE)
    public CatalogDiff importPriceMap(PriceMap map, CatalogMerge.Options options, boolean dryRun) {
        PriceMapTargets.Resolved resolved = PriceMapTargets.resolve(providers, map);
        CatalogMerge.Result result = CatalogMerge.merge(providers, resolved.incoming(), resolved.ignored(), options);
        if (!dryRun) {
            apply(result, Map.of());
        }
        return result.diff();
    }

    /** Every model of every provider, in catalog order. */
    public List<ModelDefinition> models() {
        return providers.stream().flatMap(p -> p.models().stream()).toList();
    }

    private void apply(CatalogMerge.Result result, Map<String, String> settings) {
        if (result.changed().isEmpty() && settings.isEmpty()) {
            return;
        }
        store.saveAll(result.changed(), settings);
        providers = result.providers();
        if (loaded) {
            // not while starting: the observers (the health monitor) depend on this bean being constructed, and
            // load() publishes the catalog once it is complete
            snapshot.publish(providers);
            result.changed().forEach(p -> changed.fire(new ProvidersChanged(p.id())));
            announce.fire(new LocalChange(ChangeTopic.PROVIDERS));
        }
    }

    /**
     * Another instance changed providers or prices (or the periodic re-read): the database is read again, and what
     * differs replaces the copy in memory. Nothing is announced: the change was not made here.
     */
    @Lock(LockType.WRITE)
    public void onRemoteChange(@Observes RemoteChange change) {
        if (change.topic() != ChangeTopic.PROVIDERS || !loaded) {
            return;
        }
        List<ProviderDefinition> before = providers;
        List<ProviderDefinition> now = store.providers();
        if (now.equals(before)) {
            return;
        }
        providers = now;
        snapshot.publish(providers);
        Set<String> ids = new java.util.LinkedHashSet<>();
        before.forEach(p -> ids.add(p.id()));
        now.forEach(p -> ids.add(p.id()));
        for (String id : ids) {
            if (!Objects.equals(find(before, id), find(now, id))) {
                changed.fire(new ProvidersChanged(id));
            }
        }
        LOG.info(() -> "Providers re-read after a change on another instance: " + now.size() + " providers");
    }

    private static ProviderDefinition find(List<ProviderDefinition> list, String id) {
        int index = indexOf(list, id);
        return index < 0 ? null : list.get(index);
    }

    /** See {@link ShippedCatalogUpgrade}: a newer release's models and prices reach an existing database. */
    private void upgradeToShippedCatalog(boolean seededNow) {
        String version = CatalogReader.defaultCatalogVersion();
        String marker = ShippedCatalogUpgrade.VERSION + version;
        if (!seededNow && !store.settingNames(marker).isEmpty()) {
            return;
        }
        Set<String> offered = seededNow ? Set.of() : store.settingNames(ShippedCatalogUpgrade.SHIPPED);
        ShippedCatalogUpgrade.Plan plan = ShippedCatalogUpgrade.plan(defaults, providers, offered, version);
        Map<String, String> settings = new LinkedHashMap<>(plan.settings());
        settings.put(marker, version);
        if (seededNow) {
            store.saveAll(List.of(), settings);
            return;
        }
        CatalogMerge.Result result = CatalogMerge.merge(providers, plan.incoming(), List.of(),
                new CatalogMerge.Options(false, true));
        apply(result, settings);
        LOG.info(() -> "Shipped catalog " + version + " merged into the database: " + summary(result.diff()));
    }

    /** The {@code llm.catalog.import} file: applied at every start; a bad file is logged and changes nothing. */
    private void importAtStartup(Path file) {
        try {
            PriceMap map = StartupPriceMap.read(file);
            CatalogDiff diff = importPriceMap(map, new CatalogMerge.Options(false, true), false);
            LOG.info(() -> "Price map " + file + " imported: " + summary(diff));
        } catch (CatalogFormatException | UncheckedIOException e) {
            LOG.severe(() -> "Price map " + file + " (llm.catalog.import) was not imported, nothing was changed: "
                    + e.getMessage());
        }
    }

    private static String summary(CatalogDiff diff) {
        return diff.added().size() + " models added, " + diff.changed().size() + " changed, "
                + diff.ignored().size() + " entries ignored";
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
