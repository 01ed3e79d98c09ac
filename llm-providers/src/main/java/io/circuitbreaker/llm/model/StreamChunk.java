package io.circuitbreaker.llm.model;

import java.util.List;

/**
 * One event of a streamed answer, forwarded as soon as it arrives.
 *
 * @param id             the provider's response id
 * @param model          the model that answers
 * @param choiceIndex    which answer this chunk belongs to
 * @param textDelta      new answer text ({@code ""} when none)
 * @param reasoningDelta new reasoning text, kept apart from the answer ({@code ""} when none)
 * @param toolCalls      tool-call pieces
 * @param finishReason   set on the chunk that ends the answer
 * @param usage          set on the chunk that reports usage, normally the last
 */
public record StreamChunk(String id, String model, int choiceIndex, String textDelta, String reasoningDelta,
        List<ToolCallDelta> toolCalls, FinishReason finishReason, Usage usage) {

    public StreamChunk {
        textDelta = textDelta == null ? "" : textDelta;
        reasoningDelta = reasoningDelta == null ? "" : reasoningDelta;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static StreamChunk text(String id, String model, int choiceIndex, String text) {
        return new StreamChunk(id, model, choiceIndex, text, "", List.of(), null, null);
    }
}
