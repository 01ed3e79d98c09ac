package io.circuitbreaker.llm.model;

import java.util.Objects;

/**
 * A call the model asks the caller to make.
 *
 * @param id            the provider's id for the call, echoed back with the tool's result
 * @param name          the tool (function) name
 * @param argumentsJson the arguments as a JSON object text, complete (never a fragment)
 */
public record ToolCall(String id, String name, String argumentsJson) {
    public ToolCall {
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
