package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A content block of a request message. One record for all block types (JSON-B has no tagged unions); only the
 * fields of the block's {@code type} are set, the others stay {@code null} and are not sent.
 *
 * @param type      {@code text}, {@code image}, {@code tool_use}, {@code tool_result}, {@code thinking} or
 *                  {@code redacted_thinking}
 * @param text      for {@code text}
 * @param source    for {@code image}
 * @param id        for {@code tool_use}: the call id
 * @param name      for {@code tool_use}: the tool name
 * @param input     for {@code tool_use}: the arguments object
 * @param toolUseId for {@code tool_result}: the call this result answers
 * @param content   for {@code tool_result}: the result, a string, or a list of text and image blocks when the result
 *                  has images (the API takes either; JSON-B writes the value by its runtime type)
 * @param isError   for {@code tool_result}: {@code true} when the tool failed
 * @param thinking  for {@code thinking}: the reasoning text as the model returned it
 * @param signature for {@code thinking}: Anthropic's signature over it, verified when it comes back
 * @param data      for {@code redacted_thinking}: the encrypted reasoning as returned
 */
public record AnthropicContentBlock(
        String type,
        String text,
        AnthropicImageSource source,
        String id,
        String name,
        JsonObject input,
        @JsonbProperty("tool_use_id") String toolUseId,
        Object content,
        @JsonbProperty("is_error") Boolean isError,
        String thinking,
        String signature,
        String data) {

    static AnthropicContentBlock text(String text) {
        return new AnthropicContentBlock("text", text, null, null, null, null, null, null, null, null, null, null);
    }

    static AnthropicContentBlock image(AnthropicImageSource source) {
        return new AnthropicContentBlock("image", null, source, null, null, null, null, null, null, null, null, null);
    }

    static AnthropicContentBlock toolUse(String id, String name, JsonObject input) {
        return new AnthropicContentBlock("tool_use", null, null, id, name, input, null, null, null, null, null, null);
    }

    static AnthropicContentBlock toolResult(String toolUseId, String content, boolean isError) {
        return new AnthropicContentBlock("tool_result", null, null, null, null, null, toolUseId, content,
                isError ? Boolean.TRUE : null, null, null, null);
    }

    static AnthropicContentBlock toolResult(String toolUseId, List<AnthropicContentBlock> content, boolean isError) {
        return new AnthropicContentBlock("tool_result", null, null, null, null, null, toolUseId, List.copyOf(content),
                isError ? Boolean.TRUE : null, null, null, null);
    }

    static AnthropicContentBlock thinking(String thinking, String signature) {
        return new AnthropicContentBlock("thinking", null, null, null, null, null, null, null, null, thinking,
                signature, null);
    }

    static AnthropicContentBlock redactedThinking(String data) {
        return new AnthropicContentBlock("redacted_thinking", null, null, null, null, null, null, null, null, null,
                null, data);
    }
}
