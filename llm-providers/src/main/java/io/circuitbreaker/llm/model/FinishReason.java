package io.circuitbreaker.llm.model;

import java.util.Objects;

/**
 * Why the model stopped, normalised across providers, with the provider's own word kept in {@code raw}.
 *
 * @param kind the normalised reason
 * @param raw  the provider's value, e.g. {@code end_turn} or {@code MAX_TOKENS}; {@code null} if none was sent
 */
public record FinishReason(Kind kind, String raw) {

    public enum Kind {
        /** A natural end or a stop sequence. */
        STOP,
        /** The output token limit was reached. */
        LENGTH,
        /** The model asks for tool calls. */
        TOOL_CALLS,
        /** A safety or content filter stopped the answer. */
        CONTENT_FILTER,
        /** The provider reported an error while generating. */
        ERROR,
        /** Anything else; see {@code raw}. */
        OTHER
    }

    public FinishReason {
        Objects.requireNonNull(kind, "kind");
    }

    public static FinishReason of(Kind kind, String raw) {
        return new FinishReason(kind, raw);
    }
}
