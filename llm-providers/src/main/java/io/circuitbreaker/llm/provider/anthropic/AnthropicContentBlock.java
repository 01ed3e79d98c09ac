package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A content block of a request message. One record for all block types (JSON-B has no tagged unions); only the
 * fields of the block's {@code type} are set, the others stay {@code null} and are not sent.
 *
 * @param type      {@code text}, {@code image}, {@code tool_use} or {@code tool_result}
 * @param text      for {@code text}
 * @param source    for {@code image}
 * @param id        for {@code tool_use}: the call id
 * @param name      for {@code tool_use}: the tool name
 * @param input     for {@code tool_use}: the arguments object
 * @param toolUseId for {@code tool_result}: the call this result answers
 * @param content   for {@code tool_result}: the result text
 */
public record AnthropicContentBlock(
        String type,
        String text,
        AnthropicImageSource source,
        String id,
        String name,
        JsonObject input,
        @JsonbProperty("tool_use_id") String toolUseId,
        String content) {

    static AnthropicContentBlock text(String text) {
        return new AnthropicContentBlock("text", text, null, null, null, null, null, null);
    }

    static AnthropicContentBlock image(AnthropicImageSource source) {
        return new AnthropicContentBlock("image", null, source, null, null, null, null, null);
    }

    static AnthropicContentBlock toolUse(String id, String name, JsonObject input) {
        return new AnthropicContentBlock("tool_use", null, null, id, name, input, null, null);
    }

    static AnthropicContentBlock toolResult(String toolUseId, String content) {
        return new AnthropicContentBlock("tool_result", null, null, null, null, null, toolUseId, content);
    }
}
