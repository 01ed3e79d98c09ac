package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Anthropic's split of cache writes by lifetime ({@code usage.cache_creation}): 1-hour writes are billed at twice
 * the input price, 5-minute writes at 1.25 times, so the cost needs the split.
 *
 * @param ephemeral5mInputTokens input tokens written with the default 5-minute lifetime
 * @param ephemeral1hInputTokens input tokens written with the 1-hour lifetime
 */
public record AnthropicCacheCreation(
        @JsonbProperty("ephemeral_5m_input_tokens") Integer ephemeral5mInputTokens,
        @JsonbProperty("ephemeral_1h_input_tokens") Integer ephemeral1hInputTokens) {
}
