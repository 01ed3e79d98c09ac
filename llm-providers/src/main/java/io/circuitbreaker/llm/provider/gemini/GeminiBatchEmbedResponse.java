package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * A {@code batchEmbedContents} answer: one embedding per request, in request order. No token usage: Google's
 * embedding methods report none. {@code error} is read so an error object inside a 2xx answer is typed.
 */
public record GeminiBatchEmbedResponse(List<GeminiContentEmbedding> embeddings, GeminiError error) {
}
