package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;

/**
 * One vector of an embeddings answer: {@code embedding} is a JSON array of numbers ({@code encoding_format: float})
 * or a base64 string ({@code base64}), so it is read as a JSON value and told apart by the mapper.
 */
public record OpenAiEmbeddingData(String object, Integer index, JsonValue embedding) {
}
