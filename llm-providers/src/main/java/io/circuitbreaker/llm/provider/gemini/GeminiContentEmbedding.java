package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/** One vector of a {@code batchEmbedContents} answer ({@code ContentEmbedding}). */
public record GeminiContentEmbedding(List<Double> values) {
}
