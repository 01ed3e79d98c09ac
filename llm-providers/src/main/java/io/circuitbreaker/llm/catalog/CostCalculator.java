package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prices a request from the catalog: input tokens × input price + output tokens × output price, in exact decimals.
 * A model without prices yields no cost ("unpriced"), never a guessed one.
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /**
     * @param cachedInputTokens the share of {@code inputTokens} served from the provider's prompt cache; priced at
     *                          the cached-input price when the catalog has one, else at the input price
     */
    public static Optional<Cost> cost(ModelDefinition model, long inputTokens, long outputTokens,
            long cachedInputTokens) {
        if (!model.isPriced()) {
            return Optional.empty();
        }
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("token counts must be non-negative, cached within input");
        }
        BigDecimal input;
        if (model.costPerCachedInputToken() != null && cachedInputTokens > 0) {
            input = model.costPerInputToken().multiply(BigDecimal.valueOf(inputTokens - cachedInputTokens))
                    .add(model.costPerCachedInputToken().multiply(BigDecimal.valueOf(cachedInputTokens)));
        } else {
            input = model.costPerInputToken().multiply(BigDecimal.valueOf(inputTokens));
        }
        BigDecimal output = model.costPerOutputToken().multiply(BigDecimal.valueOf(outputTokens));
        return Optional.of(Cost.of(input, output));
    }

    public static Optional<Cost> cost(ModelDefinition model, long inputTokens, long outputTokens) {
        return cost(model, inputTokens, outputTokens, 0);
    }
}
