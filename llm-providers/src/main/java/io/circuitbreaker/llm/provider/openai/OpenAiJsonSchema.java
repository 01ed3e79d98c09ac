package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonObject;

/** The schema of a {@code json_schema} response format; {@code name} is required by the API. */
public record OpenAiJsonSchema(String name, JsonObject schema, Boolean strict) {
}
