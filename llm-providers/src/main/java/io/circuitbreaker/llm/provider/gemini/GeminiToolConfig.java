package io.circuitbreaker.llm.provider.gemini;

/** Whether and which functions the model must call. */
public record GeminiToolConfig(GeminiFunctionCallingConfig functionCallingConfig) {
}
