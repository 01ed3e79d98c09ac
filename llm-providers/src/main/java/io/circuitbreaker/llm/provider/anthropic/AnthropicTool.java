package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A client tool definition.
 *
 * @param name        the tool name
 * @param description what it does, for the model
 * @param inputSchema the JSON Schema of its input object (required by the API)
 */
public record AnthropicTool(String name, String description, @JsonbProperty("input_schema") JsonObject inputSchema) {
}
