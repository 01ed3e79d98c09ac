package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One model a provider serves, with its limits and its list prices per token in US dollars.
 *
 * <p>Prices are {@link BigDecimal} read from text, so {@code 0.000000075} stays exactly that and cost sums are exact.
 * A {@code null} price means "unpriced": the gateway then reports no cost instead of guessing one.
 *
 * @param id                      the upstream model id, as sent to the provider (e.g. {@code gpt-4o})
 * @param name                    a display name (e.g. {@code GPT-4o})
 * @param maxTokens               the most output tokens the model produces in one answer
 * @param contextWindow           input plus output tokens the model accepts
 * @param costPerInputToken       USD per input token, or {@code null} when unknown
 * @param costPerOutputToken      USD per output token, or {@code null} when unknown
 * @param supportsStreaming       whether the model streams answers
 * @param supportsFunctionCalling whether the model accepts tool definitions
 * @param capabilities            free-form capability tags such as {@code vision} or {@code text_generation}
 * @param costPerCachedInputToken USD per input token served from the provider's prompt cache, or {@code null} when
 *                                the catalog has no separate price (cached tokens are then priced as input)
 */
public record ModelDefinition(
        String id,
        String name,
        int maxTokens,
        int contextWindow,
        BigDecimal costPerInputToken,
        BigDecimal costPerOutputToken,
        boolean supportsStreaming,
        boolean supportsFunctionCalling,
        List<String> capabilities,
        BigDecimal costPerCachedInputToken) {

    /** The capability of a model that answers embeddings requests. */
    public static final String EMBEDDINGS = "embeddings";
    /** An embedding model that can shorten its vectors on request ({@code dimensions}). */
    public static final String EMBEDDING_DIMENSIONS = "embedding_dimensions";
    /** The capability of a chat model. */
    public static final String TEXT_GENERATION = "text_generation";

    public ModelDefinition {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** A model without a separate cached-input price. */
    public ModelDefinition(String id, String name, int maxTokens, int contextWindow, BigDecimal costPerInputToken,
            BigDecimal costPerOutputToken, boolean supportsStreaming, boolean supportsFunctionCalling,
            List<String> capabilities) {
        this(id, name, maxTokens, contextWindow, costPerInputToken, costPerOutputToken, supportsStreaming,
                supportsFunctionCalling, capabilities, null);
    }

    /** Whether the catalog carries both prices, so a cost can be computed. */
    public boolean isPriced() {
        return costPerInputToken != null && costPerOutputToken != null;
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
