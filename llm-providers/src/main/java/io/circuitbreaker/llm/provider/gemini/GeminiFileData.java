package io.circuitbreaker.llm.provider.gemini;

/** Media Gemini fetches itself, by URI. */
public record GeminiFileData(String mimeType, String fileUri) {
}
