package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * Body of {@code models/{model}:generateContent} and {@code :streamGenerateContent}. Every optional member is
 * {@code null} when unset so that it is left out of the JSON.
 */
public record GeminiRequest(
        List<GeminiContent> contents,
        GeminiContent systemInstruction,
        List<GeminiTool> tools,
        GeminiToolConfig toolConfig,
        GeminiGenerationConfig generationConfig) {
}
