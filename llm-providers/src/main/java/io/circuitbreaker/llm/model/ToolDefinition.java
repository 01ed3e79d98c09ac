package io.circuitbreaker.llm.model;

import java.util.Objects;

/**
 * A tool (function) the model may call.
 *
 * @param name                 function name
 * @param description          what it does, for the model
 * @param parametersJsonSchema the parameters as a JSON Schema object text; {@code null} for no parameters
 * @param strict               OpenAI structured-outputs strictness, {@code null} when not set
 */
public record ToolDefinition(String name, String description, String parametersJsonSchema, Boolean strict) {
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
    }
}
