package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The {@code delta} of a {@code content_block_delta} (typed by {@code type}) or of a {@code message_delta}
 * (no type; stop reason).
 *
 * @param type         {@code text_delta}, {@code input_json_delta}, {@code thinking_delta}, {@code signature_delta}
 * @param text         for {@code text_delta}
 * @param partialJson  for {@code input_json_delta}: a fragment of the tool input JSON
 * @param thinking     for {@code thinking_delta}
 * @param signature    for {@code signature_delta}
 * @param stopReason   for {@code message_delta}
 * @param stopSequence for {@code message_delta}
 */
public record AnthropicStreamDelta(
        String type,
        String text,
        @JsonbProperty("partial_json") String partialJson,
        String thinking,
        String signature,
        @JsonbProperty("stop_reason") String stopReason,
        @JsonbProperty("stop_sequence") String stopSequence) {
}
