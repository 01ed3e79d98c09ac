package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The data of one streaming event. One record for every event type; each type fills its own fields.
 *
 * @param type         {@code message_start}, {@code content_block_start}, {@code content_block_delta},
 *                     {@code content_block_stop}, {@code message_delta}, {@code message_stop}, {@code ping},
 *                     {@code error}
 * @param message      for {@code message_start}
 * @param index        for the content block events: the block's index in the message content
 * @param contentBlock for {@code content_block_start}
 * @param delta        for {@code content_block_delta} and {@code message_delta}
 * @param usage        for {@code message_delta}: cumulative usage
 * @param error        for {@code error}
 */
public record AnthropicStreamEvent(
        String type,
        AnthropicMessagesResponse message,
        Integer index,
        @JsonbProperty("content_block") AnthropicResponseBlock contentBlock,
        AnthropicStreamDelta delta,
        AnthropicUsage usage,
        AnthropicErrorDetail error) {
}
