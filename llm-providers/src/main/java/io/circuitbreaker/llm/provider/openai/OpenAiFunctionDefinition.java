package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonObject;

/**
 * A function the model may call.
 *
 * @param parameters the JSON Schema of the arguments, sent as a JSON object; {@code null} for none
 * @param strict     structured-outputs strictness; {@code null} when unset
 */
public record OpenAiFunctionDefinition(String name, String description, JsonObject parameters, Boolean strict) {
}
