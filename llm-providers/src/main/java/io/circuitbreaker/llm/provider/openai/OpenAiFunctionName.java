package io.circuitbreaker.llm.provider.openai;

/** A function named by a {@code tool_choice}. */
public record OpenAiFunctionName(String name) {
}
