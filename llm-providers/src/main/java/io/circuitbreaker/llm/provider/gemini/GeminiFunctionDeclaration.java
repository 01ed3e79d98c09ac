package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonObject;

/**
 * A function the model may call.
 *
 * @param parameters Gemini's OpenAPI-subset schema, already cleaned by {@link GeminiSchemas}; {@code null} for a
 *                   function without parameters
 */
public record GeminiFunctionDeclaration(String name, String description, JsonObject parameters) {
}
