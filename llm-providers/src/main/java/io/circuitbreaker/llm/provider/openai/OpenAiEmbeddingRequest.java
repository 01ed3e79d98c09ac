package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /embeddings}. {@code input} holds strings and token arrays (lists of integers), as OpenAI
 * accepts either; nulls are omitted.
 */
@JsonbPropertyOrder({"model", "input", "dimensions", "encodingFormat", "user"})
public record OpenAiEmbeddingRequest(
        String model,
        List<Object> input,
        Integer dimensions,
        @JsonbProperty("encoding_format") String encodingFormat,
        String user) {
}
