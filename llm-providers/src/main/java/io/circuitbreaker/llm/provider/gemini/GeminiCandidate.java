package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * One answer.
 *
 * @param content      the answer's parts; {@code {}} or only a role when nothing was produced
 * @param finishReason why it ended; absent on all but the last chunk of a stream
 * @param index        position among the candidates; absent means 0
 */
public record GeminiCandidate(GeminiContent content, String finishReason, Integer index, String finishMessage) {

    int indexOrZero() {
        return index == null ? 0 : index;
    }

    List<GeminiPart> partList() {
        return content == null || content.parts() == null ? List.of() : content.parts();
    }
}
