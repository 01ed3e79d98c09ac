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
 */
public record AnthropicUsage(
        @JsonbProperty("input_tokens") Integer inputTokens,
        @JsonbProperty("output_tokens") Integer outputTokens,
        @JsonbProperty("cache_creation_input_tokens") Integer cacheCreationInputTokens,
        @JsonbProperty("cache_read_input_tokens") Integer cacheReadInputTokens) {
}
