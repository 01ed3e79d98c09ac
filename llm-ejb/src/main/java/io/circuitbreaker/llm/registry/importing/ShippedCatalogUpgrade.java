package io.circuitbreaker.llm.registry.importing;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a database seeded by an older release up to the catalog this release ships. The database owns the catalog
 * after the first start, so without this a new release's models and prices would never reach existing installations.
 *
 * <p>Each shipped model is remembered by a setting once it has been offered; a model offered before and since
 * removed by an operator is not added again, while a model new in this release is. Known models take the shipped
 * prices unless an operator set theirs (the {@link CatalogMerge} rules).
 */
public final class ShippedCatalogUpgrade {

    /** Prefix of the settings that remember which shipped models were offered: {@code catalog.shipped.openai/gpt-4o}. */
    public static final String SHIPPED = "catalog.shipped.";
    /** Prefix of the setting that says a catalog version has been merged: {@code catalog.shipped-version.<v>}. */
    public static final String VERSION = "catalog.shipped-version.";

    private ShippedCatalogUpgrade() {
    }

    /**
     * @param incoming the shipped models to merge
     * @param settings the settings to write with the merge (every shipped model, remembered)
     */
    public record Plan(List<IncomingModel> incoming, Map<String, String> settings) {
    }

    public static Plan plan(List<ProviderDefinition> shipped, List<ProviderDefinition> current,
            Set<String> offeredBefore, String version) {
        List<IncomingModel> incoming = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (ProviderDefinition provider : shipped) {
            for (ModelDefinition model : provider.models()) {
                String setting = SHIPPED + provider.id() + "/" + model.id();
                settings.put(setting, version);
                boolean offered = offeredBefore.contains(setting);
                boolean present = current.stream().anyMatch(p -> p.id().equals(provider.id())
                        && p.model(model.id()).isPresent());
                if (present || !offered) {
                    incoming.add(new IncomingModel(provider.id(), "shipped catalog " + version, model));
                }
            }
        }
        return new Plan(incoming, settings);
    }
}
