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
 */
public record Choice(int index, String text, String reasoning, List<ToolCall> toolCalls, FinishReason finishReason) {
    public Choice {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
