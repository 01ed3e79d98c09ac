package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.cache.CacheDirective;
import io.circuitbreaker.llm.model.ChatRequest;
import java.util.Objects;

/**
 * One chat request as every front door hands it to {@link ChatService}.
 *
 * @param keyId     the id of the gateway key that authenticated the caller
 * @param requestId the gateway's id for this request (sent back to the caller, kept in the usage record)
 * @param request   the request in the gateway's own model
 * @param cache     what the caller's headers ask of the response cache ({@link CacheDirective#NONE} without any)
 */
public record ChatCall(String keyId, String requestId, ChatRequest request, CacheDirective cache) {

    public ChatCall {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(request, "request");
        cache = cache == null ? CacheDirective.NONE : cache;
    }

    /** A call without cache headers (GraphQL, tests). */
    public ChatCall(String keyId, String requestId, ChatRequest request) {
        this(keyId, requestId, request, CacheDirective.NONE);
    }
}
