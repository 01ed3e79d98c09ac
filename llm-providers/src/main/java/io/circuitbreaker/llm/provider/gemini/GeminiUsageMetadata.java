package io.circuitbreaker.llm.provider.gemini;

/**
 * Token counts. In a stream every chunk repeats the running totals, so the last one is the answer's usage.
 *
 * @param promptTokenCount        prompt tokens, cached ones included
 * @param candidatesTokenCount    answer tokens, thinking excluded
 * @param thoughtsTokenCount      thinking tokens (billed as output)
 * @param cachedContentTokenCount the cached share of the prompt
 * @param toolUsePromptTokenCount prompt tokens of built-in tool results (billed as input)
 * @param totalTokenCount         the sum of all of the above except the cached share
 */
public record GeminiUsageMetadata(
        Integer promptTokenCount,
        Integer candidatesTokenCount,
        Integer thoughtsTokenCount,
        Integer cachedContentTokenCount,
        Integer toolUsePromptTokenCount,
        Integer totalTokenCount) {
}
