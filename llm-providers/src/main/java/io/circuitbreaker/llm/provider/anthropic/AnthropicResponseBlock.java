package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.JsonValue;

/**
 * A content block of an answer, as read; fields of other block types (server tool results, citations) are ignored.
 *
 * @param type      {@code text}, {@code tool_use}, {@code thinking}, {@code redacted_thinking}, ...
 * @param text      for {@code text}
 * @param id        for {@code tool_use}
 * @param name      for {@code tool_use}
 * @param input     for {@code tool_use}: the arguments (an object; kept as JSON to render it back to text)
 * @param thinking  for {@code thinking}: the reasoning text
 * @param signature for {@code thinking}: opaque integrity signature
 * @param data      for {@code redacted_thinking}: encrypted reasoning, not readable
 */
public record AnthropicResponseBlock(
        String type,
        String text,
        String id,
        String name,
        JsonValue input,
        String thinking,
        String signature,
        String data) {
}
