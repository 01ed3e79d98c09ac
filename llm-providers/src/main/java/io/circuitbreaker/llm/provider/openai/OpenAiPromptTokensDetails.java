package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code usage.prompt_tokens_details}: the share of prompt tokens served from the prompt cache. */
public record OpenAiPromptTokensDetails(@JsonbProperty("cached_tokens") Integer cachedTokens) {
}
