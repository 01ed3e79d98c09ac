package io.circuitbreaker.llm.model;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role       who speaks
 * @param content    the content parts (text and images; in an assistant message also its reasoning, first); empty for
 *                   an assistant message that only calls tools
 * @param name       optional participant name
 * @param toolCalls  for {@link Role#ASSISTANT}: the tool calls it made
 * @param toolCallId for {@link Role#TOOL}: the id of the call this message answers
 * @param toolError  for {@link Role#TOOL}: {@code true} when the content reports that the tool failed (Anthropic's
 *                   {@code is_error}); {@code false} otherwise
 */
public record ChatMessage(Role role, List<ContentPart> content, String name, List<ToolCall> toolCalls,
        String toolCallId, boolean toolError) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? List.of() : List.copyOf(content);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A message that is not a failed tool's result (the common case). */
    public ChatMessage(Role role, List<ContentPart> content, String name, List<ToolCall> toolCalls,
            String toolCallId) {
        this(role, content, name, toolCalls, toolCallId, false);
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, List.of(ContentPart.text(text)), null, null, null);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, List.of(ContentPart.text(text)), null, null, null);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, List.of(ContentPart.text(text)), null, null, null);
    }

    public static ChatMessage assistantToolCalls(List<ToolCall> calls) {
        return new ChatMessage(Role.ASSISTANT, List.of(), null, calls, null);
    }

    public static ChatMessage toolResult(String toolCallId, String resultText) {
        return new ChatMessage(Role.TOOL, List.of(ContentPart.text(resultText)), null, null, toolCallId);
    }

    /** The text parts joined, for providers and places that take plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Text t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    public boolean hasImages() {
        return content.stream().anyMatch(ContentPart::isImage);
    }

    /** Whether the message carries reasoning blocks (an assistant turn of a reasoning model). */
    public boolean hasThinking() {
        return content.stream().anyMatch(ContentPart::isThinking);
    }
}
