package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Anthropic's error envelope: {@code {"type":"error","error":{"type":...,"message":...},"request_id":...}}, the
 * body of a non-2xx answer and the data of a stream's {@code error} event. Older bodies lack {@code request_id}.
 *
 * @param type      {@code error}
 * @param error     the error itself
 * @param requestId the request id, for support
 */
public record AnthropicErrorBody(String type, AnthropicErrorDetail error,
        @JsonbProperty("request_id") String requestId) {
}
