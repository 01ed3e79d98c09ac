package io.circuitbreaker.llm.model;

/**
 * A piece of a tool call arriving in a stream. The first piece for an index carries id and name; later pieces
 * carry argument fragments that concatenate to the complete arguments JSON.
 *
 * @param index             which tool call of the answer this piece belongs to
 * @param id                the call id, on the first piece only
 * @param name              the tool name, on the first piece only
 * @param argumentsFragment a fragment of the arguments JSON ({@code ""} when none)
 */
public record ToolCallDelta(int index, String id, String name, String argumentsFragment) {
    public ToolCallDelta {
        argumentsFragment = argumentsFragment == null ? "" : argumentsFragment;
    }
}
