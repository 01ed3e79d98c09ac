package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatResponse;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A complete answer as the cache keeps it.
 *
 * @param response   the answer, every choice whole (text, reasoning blocks, tool calls, finish reason, usage)
 * @param providerId the provider configuration that produced it
 * @param modelId    the model that produced it (the deployment's, as the catalog names it)
 * @param cost       the exact cost of producing it, which each hit saves; {@code null} for an unpriced model
 */
public record CachedAnswer(ChatResponse response, String providerId, String modelId, BigDecimal cost) {

    public CachedAnswer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(modelId, "modelId");
    }
}
