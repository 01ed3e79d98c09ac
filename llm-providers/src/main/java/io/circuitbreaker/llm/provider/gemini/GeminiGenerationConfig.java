package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Sampling and output options; only the ones the caller set are sent.
 *
 * @param presencePenalty  OpenAI's {@code presence_penalty}, same range and meaning
 * @param frequencyPenalty OpenAI's {@code frequency_penalty}, same range and meaning
 * @param candidateCount   OpenAI's {@code n}: how many candidates (answers) to generate
 */
public record GeminiGenerationConfig(
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxOutputTokens,
        List<String> stopSequences,
        Long seed,
        Double presencePenalty,
        Double frequencyPenalty,
        Integer candidateCount,
        String responseMimeType,
        JsonObject responseSchema,
        GeminiThinkingConfig thinkingConfig) {

    boolean isEmpty() {
        return temperature == null && topP == null && topK == null && maxOutputTokens == null
                && stopSequences == null && seed == null && presencePenalty == null && frequencyPenalty == null
                && candidateCount == null && responseMimeType == null && responseSchema == null
                && thinkingConfig == null;
    }
}
