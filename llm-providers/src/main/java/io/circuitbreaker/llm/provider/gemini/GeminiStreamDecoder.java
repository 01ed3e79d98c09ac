package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes {@code streamGenerateContent?alt=sse}. Each {@code data:} is a complete {@code GenerateContentResponse}
 * holding the next piece of each candidate. Gemini sends no end-of-stream event: the answer is complete once every
 * candidate has carried a {@code finishReason}, so a connection that closes before that was cut short.
 *
 * <p>Function calls arrive whole inside one chunk, so each becomes a single {@link ToolCallDelta} with id, name and
 * the complete arguments. Usage metadata is cumulative on every chunk; it is reported once, on the chunk that ends
 * the stream, from the latest chunk that had it.
 */
public final class GeminiStreamDecoder implements StreamDecoder {

    private final Map<Integer, Integer> toolCallCounts = new HashMap<>();
    private final Set<Integer> seen = new HashSet<>();
    private final Set<Integer> done = new HashSet<>();
    private Usage lastUsage;
    private boolean finished;

    @Override
    public List<StreamChunk> decode(SseEvent event) {
        // Gemini names no events; a named one is something this decoder does not know
        if ((event.event() != null && !event.event().equals("message")) || event.data().isBlank()) {
            return List.of();
        }
        GeminiResponse response = GeminiMapper.parseResponse(event.data());
        if (response.error() != null) {
            throw GeminiErrors.fromError(response.error(), 200, name -> null);
        }
        String blocked = response.promptBlockReason();
        if (blocked != null) {
            throw GeminiMapper.promptBlocked(blocked);
        }
        if (response.usageMetadata() != null) {
            lastUsage = GeminiMapper.usage(response.usageMetadata());
        }
        List<StreamChunk> chunks = new ArrayList<>();
        boolean anyFinish = false;
        List<GeminiCandidate> candidates = response.candidateList().stream()
                .sorted(Comparator.comparingInt(GeminiCandidate::indexOrZero)).toList();
        for (GeminiCandidate candidate : candidates) {
            StreamChunk chunk = chunk(response, candidate);
            if (chunk != null) {
                chunks.add(chunk);
                anyFinish |= chunk.finishReason() != null;
            }
        }
        if (anyFinish && done.containsAll(seen)) {
            finished = true;
            StreamChunk last = chunks.remove(chunks.size() - 1);
            chunks.add(new StreamChunk(last.id(), last.model(), last.choiceIndex(), last.textDelta(),
                    last.reasoningDelta(), last.toolCalls(), last.finishReason(), lastUsage));
        }
        return chunks;
    }

    private StreamChunk chunk(GeminiResponse response, GeminiCandidate candidate) {
        int index = candidate.indexOrZero();
        seen.add(index);
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCallDelta> calls = new ArrayList<>();
        for (GeminiPart part : candidate.partList()) {
            if (part.functionCall() != null) {
                int n = toolCallCounts.merge(index, 1, Integer::sum) - 1;
                GeminiFunctionCall call = part.functionCall();
                calls.add(new ToolCallDelta(n, GeminiMapper.toolCallId(index, n, call), call.name(),
                        GeminiMapper.argumentsJson(call)));
            } else if (part.text() != null) {
                (part.isThought() ? reasoning : text).append(part.text());
            }
        }
        FinishReason finish = null;
        if (candidate.finishReason() != null) {
            finish = GeminiMapper.finishReason(candidate.finishReason(), toolCallCounts.containsKey(index));
            done.add(index);
        }
        if (text.isEmpty() && reasoning.isEmpty() && calls.isEmpty() && finish == null) {
            return null;
        }
        return new StreamChunk(response.responseId(), response.modelVersion(), index, text.toString(),
                reasoning.toString(), calls, finish, null);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public List<StreamChunk> complete() {
        if (!finished) {
            throw new MalformedResponseException(GeminiMapper.PROVIDER, 200, "stream_truncated",
                    "Gemini stream ended before every candidate carried a finishReason");
        }
        return List.of();
    }
}
