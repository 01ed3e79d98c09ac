package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonObject;

/**
 * A function call, as the model makes it and as the history replays it.
 *
 * @param id   Gemini's id for the call; newer models send one, older ones do not
 * @param name the function
 * @param args the arguments, always a JSON object
 */
public record GeminiFunctionCall(String id, String name, JsonObject args) {
}
