package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One model a provider serves, with its limits and its list prices per token in US dollars.
 *
 * <p>Prices are {@link BigDecimal} read from text, so {@code 0.000000075} stays exactly that and cost sums are exact.
 * A model without input and output prices is "unpriced": the gateway then reports no cost instead of guessing one.
 *
 * @param id                      the upstream model id, as sent to the provider (e.g. {@code gpt-4o})
 * @param name                    a display name (e.g. {@code GPT-4o})
 * @param maxTokens               the most output tokens the model produces in one answer
 * @param contextWindow           input plus output tokens the model accepts
 * @param pricing                 its prices: standard, cache and long-context bands, and who set them
 * @param supportsStreaming       whether the model streams answers
 * @param supportsFunctionCalling whether the model accepts tool definitions
 * @param capabilities            free-form capability tags such as {@code vision} or {@code text_generation}
 * @param deprecated              retired or deprecated by its provider: still routable, flagged in listings
 */
public record ModelDefinition(
        String id,
        String name,
        int maxTokens,
        int contextWindow,
        ModelPricing pricing,
        boolean supportsStreaming,
        boolean supportsFunctionCalling,
        List<String> capabilities,
        boolean deprecated) {

    /** The capability of a model that answers embeddings requests. */
    public static final String EMBEDDINGS = "embeddings";
    /** An embedding model that can shorten its vectors on request ({@code dimensions}). */
    public static final String EMBEDDING_DIMENSIONS = "embedding_dimensions";
    /** The capability of a chat model. */
    public static final String TEXT_GENERATION = "text_generation";

    public ModelDefinition {
        Objects.requireNonNull(id, "id");
        pricing = pricing == null ? ModelPricing.UNPRICED : pricing;
        name = name == null || name.isBlank() ? id : name;
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** A catalog model with a standard band only (input, output and optionally cache-read prices). */
    public ModelDefinition(String id, String name, int maxTokens, int contextWindow, BigDecimal costPerInputToken,
            BigDecimal costPerOutputToken, boolean supportsStreaming, boolean supportsFunctionCalling,
            List<String> capabilities, BigDecimal costPerCachedInputToken) {
        this(id, name, maxTokens, contextWindow,
                ModelPricing.of(new TokenRates(costPerInputToken, costPerOutputToken, costPerCachedInputToken, null,
                        null), PriceOrigin.CATALOG),
                supportsStreaming, supportsFunctionCalling, capabilities, false);
    }

    /** A catalog model without a separate cached-input price. */
    public ModelDefinition(String id, String name, int maxTokens, int contextWindow, BigDecimal costPerInputToken,
            BigDecimal costPerOutputToken, boolean supportsStreaming, boolean supportsFunctionCalling,
            List<String> capabilities) {
        this(id, name, maxTokens, contextWindow, costPerInputToken, costPerOutputToken, supportsStreaming,
                supportsFunctionCalling, capabilities, null);
    }

    /** USD per (uncached, standard-band) input token, or {@code null} when unknown. */
    public BigDecimal costPerInputToken() {
        return pricing.standard().input();
    }

    /** USD per (standard-band) output token, or {@code null} when unknown. */
    public BigDecimal costPerOutputToken() {
        return pricing.standard().output();
    }

    /** USD per input token read from the prompt cache, or {@code null}: billed as input. */
    public BigDecimal costPerCachedInputToken() {
        return pricing.standard().cacheRead();
    }

    /** Whether the catalog carries both prices, so a cost can be computed. */
    public boolean isPriced() {
        return pricing.isPriced();
    }

    public ModelDefinition withPricing(ModelPricing newPricing) {
        return new ModelDefinition(id, name, maxTokens, contextWindow, newPricing, supportsStreaming,
                supportsFunctionCalling, capabilities, deprecated);
    }

    public boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }

    /**
     * An embedding model that generates no text (its catalog entry says {@code embeddings} without
     * {@code text_generation}): never a chat candidate. Embedding models carry output price 0 and {@code maxTokens}
     * 1 (Google lists their output limit as 1), so chat-oriented code that reads those fields stays correct.
     */
    public boolean embeddingOnly() {
        return hasCapability(EMBEDDINGS) && !hasCapability(TEXT_GENERATION);
    }
}
