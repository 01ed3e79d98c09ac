package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.model.Usage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** Token counts of an answer. */
@Type("TokenUsage")
@Description("Tokens as the provider reported them (never estimated).")
public class TokenUsageView {

    private final Usage usage;

    public TokenUsageView(Usage usage) {
        this.usage = usage;
    }

    public int getInputTokens() {
        return usage.inputTokens();
    }

    @Description("Output tokens, reasoning tokens included (they are billed as output).")
    public int getOutputTokens() {
        return usage.outputTokens();
    }

    public int getTotalTokens() {
        return usage.totalTokens();
    }

    @Description("Input tokens served from the provider's prompt cache, if reported.")
    public Integer getCachedInputTokens() {
        return usage.cachedInputTokens();
    }

    @Description("Output tokens spent on reasoning, if reported.")
    public Integer getReasoningTokens() {
        return usage.reasoningTokens();
    }
}
