package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonObject;

/**
 * A tool's result. Gemini pairs it with the call by function name, and insists on a JSON object as the response.
 */
public record GeminiFunctionResponse(String name, JsonObject response) {
}
