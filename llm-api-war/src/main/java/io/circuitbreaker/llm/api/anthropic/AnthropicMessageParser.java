package io.circuitbreaker.llm.api.anthropic;

import static io.circuitbreaker.llm.api.anthropic.Fields.path;

import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Anthropic's {@code messages} (and {@code system}) into the neutral conversation: text and image blocks,
 * assistant {@code tool_use} and {@code thinking} / {@code redacted_thinking} blocks, user {@code tool_result} blocks
 * (each its own tool message, in order). Blocks the neutral model has no place for ({@code document},
 * {@code search_result}, server tool blocks, citations, a field Anthropic adds later) are left out of the translation
 * and their paths added to the untranslated list: the native body still carries them to an Anthropic upstream, and
 * any other provider refuses the request naming them.
 *
 * <p>{@code cache_control} on a block is a hint about Anthropic's prompt cache, not content: it is not listed as
 * untranslated, since other providers cache prompts on their own.
 */
final class AnthropicMessageParser {

    private static final String CACHE = "cache_control";
    private static final Set<String> TEXT_KEYS = Set.of("type", "text", CACHE, "citations");
    private static final Set<String> IMAGE_KEYS = Set.of("type", "source", CACHE);
    private static final Set<String> TOOL_USE_KEYS = Set.of("type", "id", "name", "input", CACHE);
    private static final Set<String> TOOL_RESULT_KEYS = Set.of("type", "tool_use_id", "content", "is_error", CACHE);
    private static final Set<String> THINKING_KEYS = Set.of("type", "thinking", "signature");
    private static final Set<String> REDACTED_KEYS = Set.of("type", "data");
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content");

    private final List<String> untranslated;

    AnthropicMessageParser(List<String> untranslated) {
        this.untranslated = untranslated;
    }

    /** {@code system}: a string or text blocks, as one system message; empty when there is none. */
    List<ChatMessage> system(JsonValue value) {
        return system(value, "system");
    }

    /**
     * System text at {@code at}: the top-level {@code system}, or the content of a {@code system} turn inside
     * {@code messages} (which the current Anthropic SDKs can send: instructions that change mid-conversation), kept in
     * its place.
     */
    private List<ChatMessage> system(JsonValue value, String at) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value instanceof JsonString text) {
            return text.getString().isEmpty() ? List.of() : List.of(ChatMessage.system(text.getString()));
        }
        if (!(value instanceof JsonArray blocks)) {
            throw new InvalidAnthropicRequest(at, "Input should be a valid string or a list of text blocks");
        }
        List<ContentPart> parts = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            String block = path(at, i);
            JsonObject object = Fields.element(blocks, i, at);
            if (!"text".equals(Fields.requiredString(object, "type", block))) {
                throw new InvalidAnthropicRequest(path(block, "type"), "Input should be 'text'");
            }
            parts.add(text(object, block));
        }
        return parts.isEmpty() ? List.of() : List.of(new ChatMessage(Role.SYSTEM, parts, null, null, null));
    }

    List<ChatMessage> messages(JsonValue value, int maxMessages) {
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidAnthropicRequest("messages", "Field required");
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidAnthropicRequest("messages", "Input should be a valid list");
        }
        if (array.isEmpty()) {
            throw new InvalidAnthropicRequest("messages", "at least one message is required");
        }
        if (array.size() > maxMessages) {
            throw new InvalidAnthropicRequest("messages", "the gateway accepts at most " + maxMessages
                    + " messages, not " + array.size());
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = path("messages", i);
            JsonObject message = Fields.element(array, i, "messages");
            extraKeys(message, MESSAGE_KEYS, at);
            String role = Fields.requiredString(message, "role", at);
            JsonValue content = message.get("content");
            if (content == null || content == JsonValue.NULL) {
                throw new InvalidAnthropicRequest(path(at, "content"), "Field required");
            }
            switch (role) {
                case "user" -> user(content, path(at, "content"), messages);
                case "assistant" -> messages.add(assistant(content, path(at, "content")));
                case "system" -> messages.addAll(system(content, path(at, "content")));
                default -> throw new InvalidAnthropicRequest(path(at, "role"), "Input should be 'user', "
                        + "'assistant' or 'system'");
            }
        }
        return messages;
    }

    /**
     * A user turn: its text and images as a user message, and each {@code tool_result} as a tool message, in the
     * order they come (Anthropic puts results first; a user message follows them with the rest).
     */
    private void user(JsonValue content, String at, List<ChatMessage> out) {
        if (content instanceof JsonString text) {
            out.add(ChatMessage.user(text.getString()));
            return;
        }
        JsonArray blocks = blocks(content, at);
        List<ContentPart> parts = new ArrayList<>();
        int before = out.size();
        int untranslatedBefore = untranslated.size();
        for (int i = 0; i < blocks.size(); i++) {
            String blockAt = path(at, i);
            JsonObject block = Fields.element(blocks, i, at);
            String type = Fields.requiredString(block, "type", blockAt);
            switch (type) {
                case "text" -> parts.add(text(block, blockAt));
                case "image" -> image(block, blockAt, parts);
                case "tool_result" -> {
                    flush(parts, out);
                    out.add(toolResult(block, blockAt));
                }
                case "tool_use", "thinking", "redacted_thinking" -> throw new InvalidAnthropicRequest(
                        path(blockAt, "type"), type + " blocks belong in assistant messages");
                default -> untranslated.add(blockAt);
            }
        }
        flush(parts, out);
        if (out.size() == before && untranslated.size() == untranslatedBefore) {
            throw new InvalidAnthropicRequest(at, "a user message needs at least one content block");
        }
    }

    private static void flush(List<ContentPart> parts, List<ChatMessage> out) {
        if (!parts.isEmpty()) {
            out.add(new ChatMessage(Role.USER, List.copyOf(parts), null, null, null));
            parts.clear();
        }
    }

    /** An assistant turn: reasoning blocks first (as Anthropic requires them), then text and images, tool calls. */
    private ChatMessage assistant(JsonValue content, String at) {
        if (content instanceof JsonString text) {
            return text.getString().isEmpty() ? new ChatMessage(Role.ASSISTANT, List.of(), null, null, null)
                    : ChatMessage.assistant(text.getString());
        }
        JsonArray blocks = blocks(content, at);
        List<ContentPart> thinking = new ArrayList<>();
        List<ContentPart> parts = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String blockAt = path(at, i);
            JsonObject block = Fields.element(blocks, i, at);
            String type = Fields.requiredString(block, "type", blockAt);
            switch (type) {
                case "text" -> parts.add(text(block, blockAt));
                case "image" -> image(block, blockAt, parts);
                case "tool_use" -> calls.add(toolUse(block, blockAt));
                case "thinking" -> {
                    extraKeys(block, THINKING_KEYS, blockAt);
                    thinking.add(new ContentPart.Thinking(Fields.requiredString(block, "thinking", blockAt),
                            Fields.requiredString(block, "signature", blockAt)));
                }
                case "redacted_thinking" -> {
                    extraKeys(block, REDACTED_KEYS, blockAt);
                    thinking.add(new ContentPart.RedactedThinking(Fields.requiredString(block, "data", blockAt)));
                }
                case "tool_result" -> throw new InvalidAnthropicRequest(path(blockAt, "type"),
                        "tool_result blocks belong in user messages");
                default -> untranslated.add(blockAt);
            }
        }
        thinking.addAll(parts);
        return new ChatMessage(Role.ASSISTANT, thinking, null, calls, null);
    }

    private static JsonArray blocks(JsonValue content, String at) {
        if (content instanceof JsonArray blocks) {
            return blocks;
        }
        throw new InvalidAnthropicRequest(at, "Input should be a valid string or a list of content blocks");
    }

    private ContentPart text(JsonObject block, String at) {
        extraKeys(block, TEXT_KEYS, at);
        JsonArray citations = Fields.array(block, "citations", at);
        if (citations != null && !citations.isEmpty()) {
            untranslated.add(path(at, "citations"));
        }
        return new ContentPart.Text(Fields.requiredString(block, "text", at));
    }

    /** An image from base64 data or a URL; a Files API reference or other source stays Anthropic's. */
    private void image(JsonObject block, String at, List<ContentPart> parts) {
        extraKeys(block, IMAGE_KEYS, at);
        String sourceAt = path(at, "source");
        JsonObject source = Fields.object(block, "source", at);
        if (source == null) {
            throw new InvalidAnthropicRequest(sourceAt, "Field required");
        }
        switch (Fields.requiredString(source, "type", sourceAt)) {
            case "base64" -> parts.add(new ContentPart.ImageBase64(
                    Fields.requiredString(source, "media_type", sourceAt),
                    Fields.requiredString(source, "data", sourceAt)));
            case "url" -> parts.add(new ContentPart.ImageUrl(Fields.requiredString(source, "url", sourceAt), null));
            default -> untranslated.add(sourceAt);
        }
    }

    private ToolCall toolUse(JsonObject block, String at) {
        extraKeys(block, TOOL_USE_KEYS, at);
        String id = Fields.requiredString(block, "id", at);
        String name = Fields.requiredString(block, "name", at);
        JsonObject input = Fields.object(block, "input", at);
        if (input == null) {
            throw new InvalidAnthropicRequest(path(at, "input"), "Field required");
        }
        return new ToolCall(id, name, input.toString());
    }

    /** A tool's result as a tool message; {@code is_error} marks a failed tool. */
    private ChatMessage toolResult(JsonObject block, String at) {
        extraKeys(block, TOOL_RESULT_KEYS, at);
        String id = Fields.requiredString(block, "tool_use_id", at);
        boolean error = Boolean.TRUE.equals(Fields.bool(block, "is_error", at));
        JsonValue content = block.get("content");
        String contentAt = path(at, "content");
        List<ContentPart> parts = new ArrayList<>();
        if (content instanceof JsonString text) {
            parts.add(new ContentPart.Text(text.getString()));
        } else if (content instanceof JsonArray blocks) {
            for (int i = 0; i < blocks.size(); i++) {
                String blockAt = path(contentAt, i);
                JsonObject inner = Fields.element(blocks, i, contentAt);
                switch (Fields.requiredString(inner, "type", blockAt)) {
                    case "text" -> parts.add(text(inner, blockAt));
                    case "image" -> image(inner, blockAt, parts);
                    default -> untranslated.add(blockAt);
                }
            }
        } else if (content != null && content != JsonValue.NULL) {
            throw new InvalidAnthropicRequest(contentAt, "Input should be a valid string or a list of content "
                    + "blocks");
        }
        return new ChatMessage(Role.TOOL, parts, null, null, id, error);
    }

    /** Fields of a block this door does not read: they stay in the native body, and are listed as untranslated. */
    private void extraKeys(JsonObject object, Set<String> known, String at) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                untranslated.add(path(at, key));
            }
        }
    }
}
