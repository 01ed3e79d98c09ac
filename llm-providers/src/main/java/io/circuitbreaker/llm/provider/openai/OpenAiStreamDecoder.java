package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes a Chat Completions stream: unnamed SSE events whose data is a {@code chat.completion.chunk}, ended by
 * {@code data: [DONE]}. Each choice of a chunk becomes one {@link StreamChunk} for its choice index; the usage-only
 * chunk ({@code "choices":[]}) becomes a chunk carrying just the usage. A data object holding {@code error} is the
 * provider failing mid-stream and is thrown as the typed error.
 *
 * <p>State, per stream: which tool calls have been announced (so id and name travel only on the first piece of each
 * tool-call index even when a server repeats them) and which choices made tool calls (so their finish reason is
 * TOOL_CALLS even when the server ends them with {@code stop}).
 */
public final class OpenAiStreamDecoder implements StreamDecoder {

    private static final String DONE = "[DONE]";

    private final ProviderType provider;
    private final OpenAiErrors errors;
    private final Set<String> announcedIds = new HashSet<>();
    private final Set<String> announcedNames = new HashSet<>();
    private final Set<Integer> choicesWithToolCalls = new HashSet<>();
    private boolean finished;

    public OpenAiStreamDecoder() {
        this(ProviderType.OPENAI);
    }

    public OpenAiStreamDecoder(ProviderType provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.errors = new OpenAiErrors(provider);
    }

    @Override
    public List<StreamChunk> decode(SseEvent event) {
        if (finished) {
            return List.of();
        }
        boolean errorEvent = "error".equals(event.event());
        if (event.event() != null && !errorEvent && !"message".equals(event.event())) {
            // named events are not part of this protocol (keep-alives of proxies and the like)
            return List.of();
        }
        String data = event.data().strip();
        if (data.equals(DONE)) {
            finished = true;
            return List.of();
        }
        if (data.isEmpty()) {
            return List.of();
        }
        OpenAiChatCompletion chunk = OpenAiMapper.parse(provider, data);
        if (OpenAiMapper.present(chunk.error())) {
            throw errors.errorObject(chunk.error(), "error event in stream");
        }
        if (errorEvent) {
            throw errors.errorObject(Json.readValue(data), "error event in stream");
        }
        return chunks(chunk);
    }

    private List<StreamChunk> chunks(OpenAiChatCompletion chunk) {
        List<OpenAiChoice> choices = chunk.choices() == null ? List.of() : chunk.choices();
        if (choices.isEmpty()) {
            return chunk.usage() == null ? List.of()
                    : List.of(new StreamChunk(chunk.id(), chunk.model(), 0, "", "", List.of(), null,
                            OpenAiMapper.usage(chunk.usage()), null, null, service(chunk), null));
        }
        List<StreamChunk> out = new ArrayList<>(choices.size());
        for (int position = 0; position < choices.size(); position++) {
            boolean last = position == choices.size() - 1;
            // a server that reports usage on a chunk with choices: keep it, on that chunk's last choice
            out.add(choice(chunk, choices.get(position), position, last ? OpenAiMapper.usage(chunk.usage()) : null));
        }
        return out;
    }

    private StreamChunk choice(OpenAiChatCompletion chunk, OpenAiChoice choice, int position,
            Usage usage) {
        int index = choice.index() == null ? position : choice.index();
        OpenAiResponseMessage delta = choice.delta();
        String text = "";
        String reasoning = "";
        List<ToolCallDelta> toolCalls = new ArrayList<>();
        if (delta != null) {
            OpenAiMapper.Content content = OpenAiMapper.content(provider, delta.content());
            text = OpenAiMapper.answerText(content.text(), delta.refusal());
            String reasoningText = OpenAiMapper.firstNonEmpty(delta.reasoningContent(), delta.reasoning(),
                    content.reasoning());
            reasoning = reasoningText == null ? "" : reasoningText;
            if (delta.toolCalls() != null) {
                for (int i = 0; i < delta.toolCalls().size(); i++) {
                    OpenAiToolCall call = delta.toolCalls().get(i);
                    toolCalls.add(toolCallDelta(index, call.index() == null ? i : call.index(), call.id(),
                            call.function()));
                }
            }
            if (delta.functionCall() != null) {
                toolCalls.add(toolCallDelta(index, 0, null, delta.functionCall()));
            }
        }
        if (!toolCalls.isEmpty()) {
            choicesWithToolCalls.add(index);
        }
        FinishReason finish = choice.finishReason() == null ? null
                : OpenAiMapper.finishReason(choice.finishReason(), choicesWithToolCalls.contains(index));
        return new StreamChunk(chunk.id(), chunk.model(), index, text, reasoning, toolCalls, finish, usage, null, null,
                service(chunk), OpenAiMapper.extras(choice, delta));
    }

    private static ServiceInfo service(OpenAiChatCompletion chunk) {
        return ServiceInfo.of(chunk.systemFingerprint(), chunk.serviceTier());
    }

    private ToolCallDelta toolCallDelta(int choice, int index, String id, OpenAiFunctionCall function) {
        String key = choice + ":" + index;
        String name = function == null ? null : function.name();
        String fragment = function == null ? null : OpenAiMapper.arguments(function.arguments());
        return new ToolCallDelta(index, id != null && announcedIds.add(key) ? id : null,
                name != null && announcedNames.add(key) ? name : null, fragment);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public List<StreamChunk> complete() {
        if (!finished) {
            throw new MalformedResponseException(provider, 200, "stream_truncated",
                    "the stream ended before data: [DONE]");
        }
        return List.of();
    }
}
