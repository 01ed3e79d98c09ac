package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the gateway's message list into the Messages API's shape: a separate system prompt and strictly
 * alternating user/assistant turns. Part of {@link AnthropicMapper}; pure.
 *
 * @param system   the system messages' text joined by a blank line, {@code null} when there are none
 * @param messages the turns
 */
record AnthropicConversation(String system, List<AnthropicMessage> messages) {

    private static final Pattern DATA_URL = Pattern.compile("^data:([^;,]+)(?:;[^;,=]+=[^;,]*)*;base64,(.*)$",
            Pattern.DOTALL);

    static AnthropicConversation of(List<ChatMessage> chat) {
        List<String> systemTexts = new ArrayList<>();
        List<AnthropicMessage> turns = new ArrayList<>();
        for (ChatMessage message : chat) {
            switch (message.role()) {
                // Anthropic has no system role inside the conversation: every system message, wherever it stood,
                // becomes part of the one top-level prompt, in order
                case SYSTEM -> {
                    String text = message.text();
                    if (!text.isBlank()) {
                        systemTexts.add(text);
                    }
                }
                case USER -> append(turns, "user", userBlocks(message));
                case ASSISTANT -> append(turns, "assistant", assistantBlocks(message));
                // tool results travel in a user turn; several results in a row share one turn
                case TOOL -> append(turns, "user", List.of(toolResult(message)));
            }
        }
        return new AnthropicConversation(systemTexts.isEmpty() ? null : String.join("\n\n", systemTexts),
                List.copyOf(turns));
    }

    /** The API rejects two turns of the same role in a row, so such turns are merged into one. */
    private static void append(List<AnthropicMessage> turns, String role, List<AnthropicContentBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        int last = turns.size() - 1;
        if (last >= 0 && turns.get(last).role().equals(role)) {
            List<AnthropicContentBlock> merged = new ArrayList<>(turns.get(last).content());
            merged.addAll(blocks);
            turns.set(last, new AnthropicMessage(role, List.copyOf(merged)));
        } else {
            turns.add(new AnthropicMessage(role, List.copyOf(blocks)));
        }
    }

    private static List<AnthropicContentBlock> userBlocks(ChatMessage message) {
        List<AnthropicContentBlock> blocks = new ArrayList<>();
        for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.Text text) {
                addText(blocks, text.text());
            } else if (part.isImage()) {
                blocks.add(image(part));
            }
        }
        return blocks;
    }

    /**
     * Reasoning blocks come first, in their order: Anthropic requires the turn's thinking back unchanged, ahead of
     * its text and tool calls, when a tool-use turn is continued with thinking enabled.
     */
    private static List<AnthropicContentBlock> assistantBlocks(ChatMessage message) {
        List<AnthropicContentBlock> blocks = new ArrayList<>();
        for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.Thinking thinking && thinking.signature() != null) {
                blocks.add(AnthropicContentBlock.thinking(thinking.text(), thinking.signature()));
            } else if (part instanceof ContentPart.RedactedThinking redacted) {
                blocks.add(AnthropicContentBlock.redactedThinking(redacted.data()));
            }
            // Thinking without a signature came from another provider's model (or was made up): Anthropic verifies
            // every thinking block it gets back against its signature and rejects the request otherwise, and such
            // reasoning is not Claude's own anyway, so it is left out
        }
        for (ContentPart part : message.content()) {
            // the model's own earlier turns are text; images in them have no Anthropic form
            if (part instanceof ContentPart.Text text) {
                addText(blocks, text.text());
            }
        }
        for (ToolCall call : message.toolCalls()) {
            if (call.id() == null || call.id().isBlank()) {
                throw invalid("an assistant tool call has no id; Anthropic needs it to pair the tool result");
            }
            blocks.add(AnthropicContentBlock.toolUse(call.id(), call.name(), arguments(call)));
        }
        return blocks;
    }

    /** A text-only result stays a string; a result with images becomes text and image blocks, in order. */
    private static AnthropicContentBlock toolResult(ChatMessage message) {
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw invalid("a tool message has no tool call id");
        }
        if (message.hasImages()) {
            List<AnthropicContentBlock> content = new ArrayList<>();
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text text) {
                    addText(content, text.text());
                } else if (part.isImage()) {
                    content.add(image(part));
                }
            }
            return AnthropicContentBlock.toolResult(message.toolCallId(), content, message.toolError());
        }
        String text = message.text();
        return AnthropicContentBlock.toolResult(message.toolCallId(), text.isEmpty() ? null : text,
                message.toolError());
    }

    private static AnthropicContentBlock image(ContentPart part) {
        if (part instanceof ContentPart.ImageUrl image) {
            return AnthropicContentBlock.image(imageSource(image.url()));
        }
        ContentPart.ImageBase64 image = (ContentPart.ImageBase64) part;
        return AnthropicContentBlock.image(AnthropicImageSource.base64(image.mediaType(), image.data()));
    }

    /** The API rejects empty text blocks; an empty part carries nothing anyway. */
    private static void addText(List<AnthropicContentBlock> blocks, String text) {
        if (!text.isEmpty()) {
            blocks.add(AnthropicContentBlock.text(text));
        }
    }

    private static AnthropicImageSource imageSource(String url) {
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            return AnthropicImageSource.url(url);
        }
        Matcher m = DATA_URL.matcher(url);
        if (!m.matches()) {
            throw invalid("an image data: URL must be base64-encoded (data:<media type>;base64,<data>)");
        }
        return AnthropicImageSource.base64(m.group(1), m.group(2));
    }

    private static JsonObject arguments(ToolCall call) {
        JsonValue value = parseJson(call.argumentsJson(),
                "the arguments of tool call " + call.id() + " are not valid JSON");
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("the arguments of tool call " + call.id() + " are not a JSON object");
        }
        return value.asJsonObject();
    }

    static JsonValue parseJson(String text, String problem) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw invalid(problem);
        }
    }

    static InvalidRequestException invalid(String message) {
        // no HTTP status: the gateway refuses the request before anything is sent
        return new InvalidRequestException(ProviderType.ANTHROPIC, 0, "invalid_request", message);
    }
}
