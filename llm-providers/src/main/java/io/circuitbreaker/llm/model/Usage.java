package io.circuitbreaker.llm.model;

/**
 * Tokens a request used, as the provider reported them.
 *
 * @param inputTokens       prompt tokens, including cached ones
 * @param outputTokens      completion tokens, including reasoning tokens (they are billed as output)
 * @param totalTokens       input plus output
 * @param cachedInputTokens the share of input tokens served from the provider's prompt cache, if reported
 * @param reasoningTokens   the share of output tokens spent on reasoning, if reported
 * @param cacheWriteInputTokens the share of input tokens written to the provider's prompt cache (Anthropic's
 *                          {@code cache_creation_input_tokens}), if reported
 * @param cacheWriteLongInputTokens the share of the cache writes made with the 1-hour lifetime (Anthropic's
 *                          {@code cache_creation.ephemeral_1h_input_tokens}, billed higher than 5-minute writes), if
 *                          reported
 */
public record Usage(int inputTokens, int outputTokens, int totalTokens, Integer cachedInputTokens,
        Integer reasoningTokens, Integer cacheWriteInputTokens, Integer cacheWriteLongInputTokens) {

    /** Usage without a split of cache writes by lifetime. */
    public Usage(int inputTokens, int outputTokens, int totalTokens, Integer cachedInputTokens,
            Integer reasoningTokens, Integer cacheWriteInputTokens) {
        this(inputTokens, outputTokens, totalTokens, cachedInputTokens, reasoningTokens, cacheWriteInputTokens, null);
    }

    /** Usage without cache writes (every provider but Anthropic). */
    public Usage(int inputTokens, int outputTokens, int totalTokens, Integer cachedInputTokens,
            Integer reasoningTokens) {
        this(inputTokens, outputTokens, totalTokens, cachedInputTokens, reasoningTokens, null);
    }

    public static Usage of(int inputTokens, int outputTokens) {
        return new Usage(inputTokens, outputTokens, inputTokens + outputTokens, null, null);
    }
}
