package io.circuitbreaker.llm.provider.gemini;

/** Media sent inside the request, base64 encoded. */
public record GeminiInlineData(String mimeType, String data) {
}
