package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A complete Messages API answer (also the {@code message} of a stream's {@code message_start}, with empty content).
 *
 * @param id           the message id
 * @param type         {@code message}
 * @param role         {@code assistant}
 * @param model        the model that answered
 * @param content      the content blocks
 * @param stopReason   why generation stopped; {@code null} in {@code message_start}
 * @param stopSequence the stop sequence that matched, if any
 * @param usage        token counts
 */
public record AnthropicMessagesResponse(
        String id,
        String type,
        String role,
        String model,
        List<AnthropicResponseBlock> content,
        @JsonbProperty("stop_reason") String stopReason,
        @JsonbProperty("stop_sequence") String stopSequence,
        AnthropicUsage usage) {
}
