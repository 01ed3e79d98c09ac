package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonObject;
import java.util.List;

/** Sampling and output options; only the ones the caller set are sent. */
public record GeminiGenerationConfig(
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxOutputTokens,
        List<String> stopSequences,
        Long seed,
        String responseMimeType,
        JsonObject responseSchema,
        GeminiThinkingConfig thinkingConfig) {

    boolean isEmpty() {
        return temperature == null && topP == null && topK == null && maxOutputTokens == null
                && stopSequences == null && seed == null && responseMimeType == null && responseSchema == null
                && thinkingConfig == null;
    }
}
