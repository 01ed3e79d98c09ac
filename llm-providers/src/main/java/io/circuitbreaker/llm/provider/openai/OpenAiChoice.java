package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One choice of an answer ({@code message}) or of a stream chunk ({@code delta}).
 *
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter},
 *                     {@code function_call}; {@code null} until the choice ends
 * @param logprobs     the token log probabilities when the request asked for them, kept as sent
 */
public record OpenAiChoice(Integer index, OpenAiResponseMessage message, OpenAiResponseMessage delta,
        @JsonbProperty("finish_reason") String finishReason, JsonValue logprobs) {
}
