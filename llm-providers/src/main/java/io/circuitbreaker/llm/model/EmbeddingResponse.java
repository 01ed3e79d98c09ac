package io.circuitbreaker.llm.model;

import java.util.List;
import java.util.Objects;

/**
 * An embeddings answer, provider-neutral.
 *
 * @param model          the model the provider says answered, or {@code null} when it says none (Gemini)
 * @param data           one vector per input, in input order
 * @param usage          input tokens (output is always 0)
 * @param usageEstimated whether {@code usage} is the gateway's estimate ({@link EmbeddingRequest#estimatedTokens()})
 *                       because the provider reports none (Gemini's embedding methods do not)
 */
public record EmbeddingResponse(String model, List<Embedding> data, Usage usage, boolean usageEstimated) {

    public EmbeddingResponse {
        data = List.copyOf(data);
        Objects.requireNonNull(usage, "usage");
    }
}
