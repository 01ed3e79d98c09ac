package io.circuitbreaker.llm.embeddings;

import io.circuitbreaker.llm.model.EmbeddingRequest;
import java.util.Objects;

/**
 * One embeddings request as a front door hands it over.
 *
 * @param keyId     the id of the gateway key that authenticated the caller
 * @param requestId the request's id, for the usage record
 * @param request   the request in the gateway's model
 */
public record EmbeddingCall(String keyId, String requestId, EmbeddingRequest request) {
    public EmbeddingCall {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(request, "request");
    }
}
