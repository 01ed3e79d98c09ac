package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Token counts as Anthropic reports them. {@code input_tokens} excludes the tokens read from or written to the
 * prompt cache; those are reported separately.
 *
 * @param inputTokens              uncached input tokens
 * @param outputTokens             output tokens (thinking included)
 * @param cacheCreationInputTokens input tokens written to the cache
 * @param cacheReadInputTokens     input tokens served from the cache
 * @param cacheCreation            the cache writes split by lifetime (5-minute and 1-hour), when reported
 */
public record AnthropicUsage(
        @JsonbProperty("input_tokens") Integer inputTokens,
        @JsonbProperty("output_tokens") Integer outputTokens,
        @JsonbProperty("cache_creation_input_tokens") Integer cacheCreationInputTokens,
        @JsonbProperty("cache_read_input_tokens") Integer cacheReadInputTokens,
        @JsonbProperty("cache_creation") AnthropicCacheCreation cacheCreation) {
    // one constructor only: JSON-B binds a record through its canonical constructor and refuses a record with two
}
