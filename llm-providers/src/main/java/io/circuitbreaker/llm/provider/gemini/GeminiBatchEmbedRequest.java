package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/** The body of {@code models/<id>:batchEmbedContents}: one request per input, answered in the same order. */
public record GeminiBatchEmbedRequest(List<GeminiEmbedRequest> requests) {
}
