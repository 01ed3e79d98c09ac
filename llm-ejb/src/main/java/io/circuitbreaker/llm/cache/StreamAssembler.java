package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds up a stream's chunks into the complete answer they amount to, so a streamed miss can be cached and later
 * served to a request for a complete answer too. Not thread-safe: the chunks of one stream arrive one at a time.
 *
 * <p>One thing does not add up: OpenAI's logprobs and annotations arrive as a JSON fragment per chunk, and their
 * concatenation is not the object a complete answer carries. A stream that had any is not cached
 * ({@link #answer} is empty) rather than stored as something the provider never sent.
 */
public final class StreamAssembler {

    private final Map<Integer, ChoiceParts> choices = new TreeMap<>();
    private String id;
    private String model;
    private Usage usage;
    private ServiceInfo service;
    private boolean unassemblable;

    public void add(StreamChunk chunk) {
        if (id == null && chunk.id() != null && !chunk.id().isEmpty()) {
            id = chunk.id();
        }
        if (model == null && chunk.model() != null && !chunk.model().isEmpty()) {
            model = chunk.model();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.service() != null) {
            service = chunk.service();
        }
        if (chunk.extras() != null) {
            unassemblable = true;
        }
        boolean content = !chunk.textDelta().isEmpty() || !chunk.reasoningDelta().isEmpty()
                || !chunk.toolCalls().isEmpty() || chunk.finishReason() != null || chunk.reasoningSignature() != null
                || chunk.redactedReasoning() != null;
        if (content) {
            choices.computeIfAbsent(chunk.choiceIndex(), i -> new ChoiceParts()).add(chunk);
        }
    }

    /**
     * The complete answer, or empty when the stream cannot be stored as one: no choice, a choice without its finish
     * reason (the stream did not end normally), or per-chunk extras (see the class comment).
     *
     * @param provider the protocol of the deployment that streamed it
     * @param fallback the usage the router counted, when no chunk reported one
     */
    public Optional<ChatResponse> answer(ProviderType provider, Usage fallback) {
        if (unassemblable || choices.isEmpty() || choices.values().stream().anyMatch(c -> c.finish == null)) {
            return Optional.empty();
        }
        List<Choice> done = new ArrayList<>();
        choices.forEach((index, parts) -> done.add(parts.choice(index)));
        return Optional.of(new ChatResponse(id, model, provider, done, usage != null ? usage : fallback, service));
    }

    /** One choice's pieces. */
    private static final class ChoiceParts {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private final StringBuilder unsigned = new StringBuilder();
        private final List<ContentPart> blocks = new ArrayList<>();
        private final Map<Integer, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments}
        private FinishReason finish;

        void add(StreamChunk chunk) {
            text.append(chunk.textDelta());
            reasoning.append(chunk.reasoningDelta());
            unsigned.append(chunk.reasoningDelta());
            if (chunk.reasoningSignature() != null) {
                // a signature ends the reasoning block streamed since the previous one (Anthropic)
                blocks.add(new ContentPart.Thinking(unsigned.toString(), chunk.reasoningSignature()));
                unsigned.setLength(0);
            }
            if (chunk.redactedReasoning() != null) {
                blocks.add(new ContentPart.RedactedThinking(chunk.redactedReasoning()));
            }
            for (ToolCallDelta delta : chunk.toolCalls()) {
                String[] call = calls.computeIfAbsent(delta.index(), i -> new String[] {null, null, ""});
                call[0] = call[0] == null ? delta.id() : call[0];
                call[1] = call[1] == null ? delta.name() : call[1];
                call[2] = call[2] + delta.argumentsFragment();
            }
            if (chunk.finishReason() != null) {
                finish = chunk.finishReason();
            }
        }

        Choice choice(int index) {
            List<ContentPart> thinking = new ArrayList<>(blocks);
            if (!blocks.isEmpty() && !unsigned.isEmpty()) {
                thinking.add(new ContentPart.Thinking(unsigned.toString(), null));
            }
            List<ToolCall> toolCalls = new ArrayList<>();
            calls.values().forEach(c -> toolCalls.add(new ToolCall(c[0], c[1] == null ? "" : c[1], c[2])));
            return new Choice(index, text.toString(), reasoning.isEmpty() ? null : reasoning.toString(), toolCalls,
                    finish, thinking);
        }
    }
}
