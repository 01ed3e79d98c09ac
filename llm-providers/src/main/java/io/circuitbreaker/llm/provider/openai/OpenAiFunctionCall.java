package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;

/**
 * A function's name and arguments, inside a tool call or as the deprecated {@code message.function_call}.
 *
 * @param arguments the arguments as JSON <em>text</em> (a JSON string); typed as a value because a few compatible
 *                  servers send the arguments as an object instead
 */
public record OpenAiFunctionCall(String name, JsonValue arguments) {
}
