package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;

/**
 * The {@code thinking} option and the {@code max_tokens} that goes with it, for a translated request. Part of
 * {@link AnthropicMapper}, which documents the rules; pure.
 *
 * @param thinking  {@code null} when the caller asked nothing about reasoning
 * @param maxTokens the {@code max_tokens} to send
 */
record AnthropicReasoning(AnthropicThinking thinking, int maxTokens) {

    static AnthropicReasoning of(ChatRequest request) {
        ReasoningConfig reasoning = request.reasoning();
        Integer callerMax = request.maxTokens();
        int maxTokens = callerMax != null ? callerMax : AnthropicMapper.DEFAULT_MAX_TOKENS;
        if (reasoning == null) {
            return new AnthropicReasoning(null, maxTokens);
        }
        if (!reasoning.enabled()) {
            return new AnthropicReasoning(AnthropicThinking.disabled(), maxTokens);
        }
        // the caller's own word for it, so the refusal names what the caller sent
        String parameter = reasoning.budget() != null ? "thinking.budget_tokens" : "reasoning_effort";
        Integer budget = reasoning.budgetTokens();
        if (budget == null) {
            throw AnthropicConversation.invalid("reasoning_effort '" + reasoning.rawEffort()
                    + "' has no Anthropic thinking budget; use none, minimal, low, medium, high or xhigh");
        }
        if (budget < ReasoningConfig.MIN_BUDGET) {
            throw AnthropicConversation.invalid(parameter + " " + budget + " is below Anthropic's smallest thinking "
                    + "budget of " + ReasoningConfig.MIN_BUDGET + " tokens");
        }
        if (callerMax == null) {
            // room for the whole budget and an ordinary answer after it
            return new AnthropicReasoning(AnthropicThinking.enabled(budget),
                    Math.max(AnthropicMapper.DEFAULT_MAX_TOKENS, budget + AnthropicMapper.DEFAULT_MAX_TOKENS));
        }
        if (callerMax > budget) {
            return new AnthropicReasoning(AnthropicThinking.enabled(budget), callerMax);
        }
        // the caller's max_tokens is a cap on reasoning and answer together (OpenAI's meaning, and Anthropic's):
        // it is kept, and the reasoning gets what fits below it
        int lowered = callerMax - 1;
        if (lowered >= ReasoningConfig.MIN_BUDGET) {
            return new AnthropicReasoning(AnthropicThinking.enabled(lowered), callerMax);
        }
        throw AnthropicConversation.invalid("max_tokens " + callerMax + " leaves no room for " + parameter
                + ": Anthropic needs max_tokens above a thinking budget of at least " + ReasoningConfig.MIN_BUDGET
                + " tokens; raise max_tokens above " + ReasoningConfig.MIN_BUDGET + " or do not ask for reasoning");
    }
}
