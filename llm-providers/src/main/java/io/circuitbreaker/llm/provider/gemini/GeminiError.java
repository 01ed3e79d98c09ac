package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonArray;

/**
 * The {@code error} member of a Google API error body ({@code google.rpc.Status} in JSON).
 *
 * @param code    the HTTP status the error stands for
 * @param message human-readable text
 * @param status  the canonical code name, e.g. {@code RESOURCE_EXHAUSTED}
 * @param details typed detail objects ({@code @type} ErrorInfo, RetryInfo, ...), kept raw
 */
public record GeminiError(Integer code, String message, String status, JsonArray details) {
}
