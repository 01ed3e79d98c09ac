package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * An embeddings answer ({@code "object": "list"}). {@code error} is read so that an error object inside a 2xx answer
 * (some OpenAI-compatible servers send one) is typed rather than taken for an empty list.
 */
public record OpenAiEmbeddingList(String object, List<OpenAiEmbeddingData> data, String model, OpenAiUsage usage,
        JsonValue error) {
}
