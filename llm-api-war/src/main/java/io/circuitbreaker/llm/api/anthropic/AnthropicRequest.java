package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.model.ChatRequest;

/**
 * A parsed Anthropic request: the neutral request (with the body kept as sent, see
 * {@link io.circuitbreaker.llm.model.NativeRequest}) and whether the caller asked for a stream.
 */
record AnthropicRequest(ChatRequest request, boolean stream) {
}
