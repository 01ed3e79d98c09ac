package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One {@code EmbedContentRequest} of a {@code batchEmbedContents} body.
 *
 * @param model                {@code models/<id>}, the same model as the URL's (Google requires them to match)
 * @param content              the text to embed, as one user-less content of text parts
 * @param outputDimensionality the vector size asked for, or {@code null} for the model's default
 */
@JsonbPropertyOrder({"model", "content", "outputDimensionality"})
public record GeminiEmbedRequest(String model, GeminiContent content, Integer outputDimensionality) {
}
