package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * A {@code GenerateContentResponse}: the whole answer, or one chunk of a stream (each SSE event carries a complete
 * object of this shape). {@code error} is only set when an error object arrives where a chunk was expected.
 */
public record GeminiResponse(
        List<GeminiCandidate> candidates,
        GeminiPromptFeedback promptFeedback,
        GeminiUsageMetadata usageMetadata,
        String modelVersion,
        String responseId,
        GeminiError error) {

    List<GeminiCandidate> candidateList() {
        return candidates == null ? List.of() : candidates;
    }

    /** The reason the prompt was blocked when no candidate came back, else {@code null}. */
    String promptBlockReason() {
        return candidateList().isEmpty() && promptFeedback != null ? promptFeedback.blockReason() : null;
    }
}
