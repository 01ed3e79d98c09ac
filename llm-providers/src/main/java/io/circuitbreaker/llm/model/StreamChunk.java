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
 * @param reasoningSignature the provider's signature over the reasoning streamed since the last signature; it
 *                       ends that reasoning block ({@code null} when none)
 * @param redactedReasoning  a whole block of encrypted reasoning ({@code null} when none)
 * @param service        OpenAI's {@code system_fingerprint} and {@code service_tier} of this chunk ({@code null} when
 *                       none)
 * @param extras         OpenAI's logprobs and annotations of this piece as it sent them ({@code null} when none)
 */
public record StreamChunk(String id, String model, int choiceIndex, String textDelta, String reasoningDelta,
        List<ToolCallDelta> toolCalls, FinishReason finishReason, Usage usage, String reasoningSignature,
        String redactedReasoning, ServiceInfo service, ChoiceExtras extras) {

    public StreamChunk {
        textDelta = textDelta == null ? "" : textDelta;
        reasoningDelta = reasoningDelta == null ? "" : reasoningDelta;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A chunk without service details or extras (every provider but OpenAI's protocol). */
    public StreamChunk(String id, String model, int choiceIndex, String textDelta, String reasoningDelta,
            List<ToolCallDelta> toolCalls, FinishReason finishReason, Usage usage, String reasoningSignature,
            String redactedReasoning) {
        this(id, model, choiceIndex, textDelta, reasoningDelta, toolCalls, finishReason, usage, reasoningSignature,
                redactedReasoning, null, null);
    }

    /** A chunk without signed or redacted reasoning (every provider but Anthropic). */
    public StreamChunk(String id, String model, int choiceIndex, String textDelta, String reasoningDelta,
            List<ToolCallDelta> toolCalls, FinishReason finishReason, Usage usage) {
        this(id, model, choiceIndex, textDelta, reasoningDelta, toolCalls, finishReason, usage, null, null);
    }

    public static StreamChunk text(String id, String model, int choiceIndex, String text) {
        return new StreamChunk(id, model, choiceIndex, text, "", List.of(), null, null);
    }
}
