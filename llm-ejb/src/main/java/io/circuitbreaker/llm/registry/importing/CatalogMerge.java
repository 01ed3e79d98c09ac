package io.circuitbreaker.llm.registry.importing;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges incoming models into the configured providers and says what changed. Pure: the registry stores the result
 * only when the caller is not asking for a dry run, all providers in one transaction.
 *
 * <p>The rules: a known model takes the incoming prices (all bands together, so a price list is never half
 * applied) unless its prices were set by an operator, which are kept unless {@code overwriteOperatorPrices}; its
 * context window and output limit take the incoming figures; capability tags, tool support and the deprecation flag
 * are only ever added (an import that knows less about a model does not take away what the catalog knows). An
 * unknown model is added when {@code addMissing}. Re-applying the same import changes nothing.
 */
public final class CatalogMerge {

    /** No import may give one provider more models than this: client input must not grow state without bound. */
    public static final int MAX_MODELS_PER_PROVIDER = 2000;

    private CatalogMerge() {
    }

    /**
     * @param providers the providers after the merge, in their order (unchanged ones included)
     * @param changed   the providers whose models changed: the ones to store
     * @param diff      what changed, and what was ignored and why
     */
    public record Result(List<ProviderDefinition> providers, List<ProviderDefinition> changed, CatalogDiff diff) {
    }

    /** How to merge. */
    public record Options(boolean overwriteOperatorPrices, boolean addMissing) {
    }

    /**
     * @param alreadyIgnored entries the caller set aside before the merge (reported with the rest)
     * @throws CatalogFormatException when the result would exceed {@link #MAX_MODELS_PER_PROVIDER}; nothing is
     *                                merged then
     */
    public static Result merge(List<ProviderDefinition> current, List<IncomingModel> incoming,
            List<CatalogDiff.Ignored> alreadyIgnored, Options options) {
        Map<String, LinkedHashMap<String, ModelDefinition>> working = new LinkedHashMap<>();
        for (ProviderDefinition provider : current) {
            LinkedHashMap<String, ModelDefinition> models = new LinkedHashMap<>();
            provider.models().forEach(m -> models.put(m.id(), m));
            working.put(provider.id(), models);
        }
        List<CatalogDiff.Added> added = new ArrayList<>();
        List<CatalogDiff.Changed> changed = new ArrayList<>();
        List<CatalogDiff.Ignored> ignored = new ArrayList<>(alreadyIgnored);
        Set<String> touched = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (IncomingModel in : incoming) {
            LinkedHashMap<String, ModelDefinition> models = working.get(in.providerId());
            String modelKey = in.providerId() + "/" + in.model().id();
            if (models == null) {
                ignored.add(new CatalogDiff.Ignored(in.entry(), "no provider " + in.providerId() + " is configured"));
            } else if (!seen.add(modelKey)) {
                ignored.add(new CatalogDiff.Ignored(in.entry(), modelKey + " was already taken from an earlier entry"));
            } else if (models.containsKey(in.model().id())) {
                ModelDefinition before = models.get(in.model().id());
                List<CatalogDiff.FieldChange> fields = new ArrayList<>();
                ModelDefinition after = mergeModel(before, in, options, fields, ignored);
                if (!fields.isEmpty()) {
                    models.put(after.id(), after);
                    changed.add(new CatalogDiff.Changed(in.providerId(), after.id(), in.entry(), fields));
                    touched.add(in.providerId());
                }
            } else if (options.addMissing()) {
                models.put(in.model().id(), in.model());
                added.add(new CatalogDiff.Added(in.providerId(), in.model().id(), in.entry()));
                touched.add(in.providerId());
            } else {
                ignored.add(new CatalogDiff.Ignored(in.entry(), modelKey + " is not configured and addMissing is off"));
            }
        }
        List<ProviderDefinition> providers = new ArrayList<>();
        List<ProviderDefinition> toStore = new ArrayList<>();
        for (ProviderDefinition provider : current) {
            if (!touched.contains(provider.id())) {
                providers.add(provider);
                continue;
            }
            List<ModelDefinition> models = List.copyOf(working.get(provider.id()).values());
            if (models.size() > MAX_MODELS_PER_PROVIDER) {
                throw new CatalogFormatException("the import would give provider " + provider.id() + " "
                        + models.size() + " models; at most " + MAX_MODELS_PER_PROVIDER + " are allowed. Nothing "
                        + "was changed.");
            }
            ProviderDefinition next = new ProviderDefinition(provider.id(), provider.providerType(), provider.name(),
                    provider.baseUrl(), provider.apiKeyId(), models);
            providers.add(next);
            toStore.add(next);
        }
        return new Result(List.copyOf(providers), List.copyOf(toStore), new CatalogDiff(added, changed, ignored));
    }

    private static ModelDefinition mergeModel(ModelDefinition before, IncomingModel in, Options options,
            List<CatalogDiff.FieldChange> fields, List<CatalogDiff.Ignored> ignored) {
        ModelDefinition offered = in.model();
        ModelPricing pricing = before.pricing();
        if (offered.isPriced() && !PricingText.samePrices(before.pricing(), offered.pricing())) {
            boolean operatorPrices = before.pricing().origin() == PriceOrigin.OPERATOR && before.isPriced();
            if (operatorPrices && !options.overwriteOperatorPrices()) {
                ignored.add(new CatalogDiff.Ignored(in.entry(), "the prices of " + in.providerId() + "/" + before.id()
                        + " were set by an operator and are kept (import with overwriteOperatorPrices to replace "
                        + "them)"));
            } else {
                PricingText.changes(before.pricing(), offered.pricing(), fields);
                pricing = offered.pricing();
            }
        }
        int contextWindow = offered.contextWindow();
        if (pricing.longContextAbove() != null && contextWindow <= pricing.longContextAbove()) {
            // a band above the offered window says the model takes more (Claude's 1M context is a beta LiteLLM
            // lists at 200k): keep the larger window, or the band could never be reached
            contextWindow = Math.max(contextWindow, before.contextWindow());
        }
        int maxTokens = Math.min(offered.maxTokens(), contextWindow);
        note(fields, "contextWindow", before.contextWindow(), contextWindow);
        note(fields, "maxTokens", before.maxTokens(), maxTokens);
        LinkedHashSet<String> capabilities = new LinkedHashSet<>(before.capabilities());
        capabilities.addAll(offered.capabilities());
        if (capabilities.size() != before.capabilities().size()) {
            fields.add(new CatalogDiff.FieldChange("capabilities", String.join(",", before.capabilities()),
                    String.join(",", capabilities)));
        }
        boolean tools = before.supportsFunctionCalling() || offered.supportsFunctionCalling();
        note(fields, "supportsFunctionCalling", before.supportsFunctionCalling(), tools);
        boolean deprecated = before.deprecated() || offered.deprecated();
        note(fields, "deprecated", before.deprecated(), deprecated);
        return new ModelDefinition(before.id(), before.name(), maxTokens, contextWindow, pricing,
                before.supportsStreaming(), tools, List.copyOf(capabilities), deprecated);
    }

    private static void note(List<CatalogDiff.FieldChange> fields, String field, Object before, Object after) {
        if (!before.equals(after)) {
            fields.add(new CatalogDiff.FieldChange(field, String.valueOf(before), String.valueOf(after)));
        }
    }
}
