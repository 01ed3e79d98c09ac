package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * One turn of the conversation, in both directions.
 *
 * @param role  {@code user} or {@code model}; absent in {@code systemInstruction}
 * @param parts the turn's parts; absent in a candidate blocked before it produced anything
 */
public record GeminiContent(String role, List<GeminiPart> parts) {
}
