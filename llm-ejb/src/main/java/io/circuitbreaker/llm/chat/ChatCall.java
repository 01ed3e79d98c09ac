package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.model.ChatRequest;
import java.util.Objects;

/**
 * One chat request as every front door hands it to {@link ChatService}.
 *
 * @param keyId     the id of the gateway key that authenticated the caller
 * @param requestId the gateway's id for this request (sent back to the caller, kept in the usage record)
 * @param request   the request in the gateway's own model
 */
public record ChatCall(String keyId, String requestId, ChatRequest request) {

    public ChatCall {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(request, "request");
    }
}
