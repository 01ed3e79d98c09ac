package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.model.FinishReason;
import java.util.Set;

/** A finish reason, whichever provider gave it, as Anthropic's {@code stop_reason}. */
final class StopReasons {

    /** Anthropic's documented stop reasons. */
    static final Set<String> ANTHROPIC = Set.of("end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn",
            "refusal", "model_context_window_exceeded");

    private StopReasons() {
    }

    /**
     * STOP is {@code end_turn} ({@code stop_sequence} when the provider said so), LENGTH {@code max_tokens},
     * TOOL_CALLS {@code tool_use}, CONTENT_FILTER {@code refusal}; anything else keeps an Anthropic word the provider
     * sent (an Anthropic upstream's {@code pause_turn}) and is {@code end_turn} otherwise. No reason at all (a stream
     * that ended without one) is {@code tool_use} when tools were called, else {@code end_turn}.
     */
    static String of(FinishReason reason, boolean calledTools) {
        if (reason == null) {
            return calledTools ? "tool_use" : "end_turn";
        }
        return switch (reason.kind()) {
            case STOP -> "stop_sequence".equals(reason.raw()) ? "stop_sequence" : "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
            case ERROR, OTHER -> reason.raw() != null && ANTHROPIC.contains(reason.raw()) ? reason.raw()
                    : "end_turn";
        };
    }
}
