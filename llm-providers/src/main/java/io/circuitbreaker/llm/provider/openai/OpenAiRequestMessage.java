package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One message of a request.
 *
 * @param content a {@code String}, a list of {@link OpenAiContentPart}s (when images are present) or
 *                {@code JsonValue.NULL} (an assistant turn that only calls tools: the API wants an explicit null)
 */
@JsonbPropertyOrder({"role", "content", "name", "toolCalls", "toolCallId"})
public record OpenAiRequestMessage(
        String role,
        Object content,
        String name,
        @JsonbProperty("tool_calls") List<OpenAiToolCall> toolCalls,
        @JsonbProperty("tool_call_id") String toolCallId) {
}
