package io.circuitbreaker.llm.model;

import java.util.List;

/**
 * One answer of the model.
 *
 * @param index        position among the answers (0 unless several were asked for)
 * @param text         the answer text ({@code ""} when the model only called tools)
 * @param reasoning    the model's reasoning ("thinking") text, kept apart from the answer; {@code null} if none
 * @param toolCalls    the tool calls, with complete arguments
 * @param finishReason why the answer ended
 * @param thinking     the reasoning as the provider returned it, block by block and in order
 *                     ({@link ContentPart.Thinking} with its signature, {@link ContentPart.RedactedThinking}), so a
 *                     client can send it back unchanged; empty when the provider returned no such blocks
 * @param extras       OpenAI's logprobs and annotations as it sent them; {@code null} when none
 */
public record Choice(int index, String text, String reasoning, List<ToolCall> toolCalls, FinishReason finishReason,
        List<ContentPart> thinking, ChoiceExtras extras) {

    public Choice {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        thinking = thinking == null ? List.of() : List.copyOf(thinking);
    }

    /** An answer without extras. */
    public Choice(int index, String text, String reasoning, List<ToolCall> toolCalls, FinishReason finishReason,
            List<ContentPart> thinking) {
        this(index, text, reasoning, toolCalls, finishReason, thinking, null);
    }

    /** An answer without reasoning blocks (every provider but Anthropic). */
    public Choice(int index, String text, String reasoning, List<ToolCall> toolCalls, FinishReason finishReason) {
        this(index, text, reasoning, toolCalls, finishReason, List.of());
    }
}
