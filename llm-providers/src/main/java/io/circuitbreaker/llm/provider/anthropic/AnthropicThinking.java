package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The request's {@code thinking} option.
 *
 * @param type         {@code enabled} or {@code disabled}
 * @param budgetTokens for {@code enabled}: the most tokens to reason with (at least 1,024, below {@code max_tokens})
 */
public record AnthropicThinking(String type, @JsonbProperty("budget_tokens") Integer budgetTokens) {

    static AnthropicThinking enabled(int budgetTokens) {
        return new AnthropicThinking("enabled", budgetTokens);
    }

    static AnthropicThinking disabled() {
        return new AnthropicThinking("disabled", null);
    }
}
