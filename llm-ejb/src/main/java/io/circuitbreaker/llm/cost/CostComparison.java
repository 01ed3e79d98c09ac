package io.circuitbreaker.llm.cost;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.catalog.CostCalculator;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The design document's cost comparison: what a request of a given size would cost on every catalog model, cheapest
 * first. Unpriced models are listed last, with no figure rather than a guessed one. Embedding-only models are left out:
 * they cannot answer a request with output tokens.
 */
public final class CostComparison {

    /**
     * One model's figure.
     *
     * @param providerId the provider configuration
     * @param providerType the protocol's wire name
     * @param model      the model
     * @param cost       the cost, empty when the model is unpriced
     */
    public record Row(String providerId, String providerType, ModelDefinition model, Optional<Cost> cost) {
    }

    private CostComparison() {
    }

    public static List<Row> compare(List<ProviderDefinition> providers, long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        List<Row> rows = new ArrayList<>();
        for (ProviderDefinition provider : providers) {
            for (ModelDefinition model : provider.models()) {
                if (model.embeddingOnly()) {
                    continue;
                }
                rows.add(new Row(provider.id(), provider.providerType().wireName(), model,
                        CostCalculator.cost(model, inputTokens, outputTokens)));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.cost().map(Cost::total).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.model().id()));
        return rows;
    }
}
