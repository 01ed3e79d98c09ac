package io.circuitbreaker.llm.provider.gemini;

/** Set when the prompt itself was rejected; {@code blockReason} is e.g. SAFETY or PROHIBITED_CONTENT. */
public record GeminiPromptFeedback(String blockReason) {
}
