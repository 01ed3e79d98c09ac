package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/** @param userId an opaque end-user id (Anthropic asks for no names or e-mail addresses here) */
public record AnthropicMetadata(@JsonbProperty("user_id") String userId) {
}
