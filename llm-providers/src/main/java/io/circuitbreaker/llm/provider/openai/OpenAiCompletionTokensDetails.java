package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code usage.completion_tokens_details}: the share of completion tokens spent on reasoning. */
public record OpenAiCompletionTokensDetails(@JsonbProperty("reasoning_tokens") Integer reasoningTokens) {
}
