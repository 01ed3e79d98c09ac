package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Token counts. {@code prompt_tokens} includes cached tokens and {@code completion_tokens} includes reasoning
 * tokens; the details give those shares.
 *
 * @param promptCacheHitTokens DeepSeek's name for the cached share, sent instead of {@code prompt_tokens_details}
 */
public record OpenAiUsage(
        @JsonbProperty("prompt_tokens") Integer promptTokens,
        @JsonbProperty("completion_tokens") Integer completionTokens,
        @JsonbProperty("total_tokens") Integer totalTokens,
        @JsonbProperty("prompt_tokens_details") OpenAiPromptTokensDetails promptTokensDetails,
        @JsonbProperty("completion_tokens_details") OpenAiCompletionTokensDetails completionTokensDetails,
        @JsonbProperty("prompt_cache_hit_tokens") Integer promptCacheHitTokens) {
}
