package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ReasoningConfig;

/**
 * {@code generationConfig.thinkingConfig}: how many tokens the model may think, and whether its thought summaries come
 * back (as parts marked {@code "thought": true}, read as reasoning, never as answer text).
 *
 * <p>The budget is the gateway's one effort/budget table ({@link ReasoningConfig#budgetTokens()}). Gemini 3 models
 * prefer {@code thinkingLevel} but still take {@code thinkingBudget}; Gemini 2.5 takes budgets only, so budgets serve
 * both. Models that cannot stop thinking (2.5 Pro) answer a budget of 0 with their own 400, which reaches the caller.
 *
 * @param thinkingBudget  the most thinking tokens; 0 turns thinking off
 * @param includeThoughts {@code true} to get thought summaries; {@code null} (left out) when thinking is off
 */
public record GeminiThinkingConfig(Integer thinkingBudget, Boolean includeThoughts) {

    /**
     * The thinking config for the caller's reasoning; {@code null} when it asked for nothing.
     *
     * @throws InvalidRequestException naming {@code reasoning_effort} for an effort level this gateway has no budget
     *                                 for: a guessed budget would answer a different question
     */
    static GeminiThinkingConfig of(ReasoningConfig reasoning) {
        if (reasoning == null) {
            return null;
        }
        Integer budget = reasoning.budgetTokens();
        if (budget == null) {
            throw new InvalidRequestException(GeminiMapper.PROVIDER, 0, "unsupported_parameter",
                    "reasoning_effort '" + reasoning.effortName() + "' has no Gemini thinking budget; use none, "
                            + "minimal, low, medium, high or xhigh");
        }
        return reasoning.enabled() ? new GeminiThinkingConfig(budget, Boolean.TRUE) : new GeminiThinkingConfig(0, null);
    }
}
