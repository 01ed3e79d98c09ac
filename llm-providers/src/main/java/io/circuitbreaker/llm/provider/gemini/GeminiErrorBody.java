package io.circuitbreaker.llm.provider.gemini;

/** A Google API error body: {@code {"error": {...}}}. */
public record GeminiErrorBody(GeminiError error) {
}
