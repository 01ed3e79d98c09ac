package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The answer of {@code POST /v1/messages/count_tokens}.
 *
 * @param type        {@code error} when a 2xx carries an error envelope; absent otherwise
 * @param inputTokens the request's input tokens (tools, images and documents included)
 */
public record AnthropicTokenCount(String type, @JsonbProperty("input_tokens") Integer inputTokens) {

    /**
     * Reads a 2xx body.
     *
     * @throws MalformedResponseException when it carries no token count
     * @throws io.circuitbreaker.llm.error.LlmProviderException of the error's kind when it is an error envelope
     */
    static int read(int status, String body) {
        AnthropicTokenCount count;
        try {
            count = body == null || body.isBlank() ? null : Json.fromJson(body, AnthropicTokenCount.class);
        } catch (RuntimeException e) {
            count = null;
        }
        if (count != null && "error".equals(count.type())) {
            AnthropicErrorBody error = Json.fromJson(body, AnthropicErrorBody.class);
            throw AnthropicErrors.fromErrorObject(error.error(), error.requestId());
        }
        if (count == null || count.inputTokens() == null || count.inputTokens() < 0) {
            throw new MalformedResponseException(ProviderType.ANTHROPIC, status, "malformed_response",
                    "count_tokens answer has no input_tokens count");
        }
        return count.inputTokens();
    }
}
