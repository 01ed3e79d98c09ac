package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one routed stream as OpenAI {@code chat.completion.chunk} objects. One instance per stream: the first chunk
 * carries {@code delta.role}, every chunk the same id and creation time, and usage goes into one final chunk with
 * empty {@code choices} when the caller asked for it ({@code stream_options.include_usage}), as OpenAI sends it.
 * Reasoning travels in {@code delta.reasoning_content}, apart from the answer text. Signed and redacted reasoning
 * blocks (Anthropic's) have no place in this protocol: their signatures and encrypted data are not sent. With several
 * choices ({@code n}) each choice's first chunk carries its role. OpenAI's {@code system_fingerprint},
 * {@code service_tier}, {@code logprobs} and {@code annotations} are written as they came.
 */
final class OpenAiChunkWriter {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String id;
    private final long created;
    private final boolean includeUsage;
    /** The choices whose first chunk (with the role) has been sent. */
    private final Set<Integer> roleSent = new HashSet<>();
    private Usage usage;
    private String model;
    private ServiceInfo service;

    OpenAiChunkWriter(String id, long created, boolean includeUsage) {
        this.id = id;
        this.created = created;
        this.includeUsage = includeUsage;
    }

    /** The chunk objects to send for one upstream chunk: none when it carries nothing a client would see. */
    List<JsonObject> chunks(StreamChunk chunk) {
        if (chunk.model() != null && !chunk.model().isEmpty()) {
            model = chunk.model();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.service() != null) {
            service = chunk.service();
        }
        ChoiceExtras extras = chunk.extras();
        boolean firstOfChoice = !roleSent.contains(chunk.choiceIndex());
        boolean hasDelta = !chunk.textDelta().isEmpty() || !chunk.reasoningDelta().isEmpty()
                || !chunk.toolCalls().isEmpty() || firstOfChoice || extras != null;
        if (!hasDelta && chunk.finishReason() == null) {
            return List.of();
        }
        JsonObjectBuilder delta = JSON.createObjectBuilder();
        if (firstOfChoice) {
            delta.add("role", "assistant");
            roleSent.add(chunk.choiceIndex());
        }
        if (!chunk.reasoningDelta().isEmpty()) {
            // vLLM's, DeepSeek's and LiteLLM's field for streamed reasoning (OpenAI's own schema has none)
            delta.add("reasoning_content", chunk.reasoningDelta());
        }
        if (!chunk.textDelta().isEmpty()) {
            delta.add("content", chunk.textDelta());
        }
        if (!chunk.toolCalls().isEmpty()) {
            delta.add("tool_calls", toolCalls(chunk.toolCalls()));
        }
        if (extras != null && extras.annotationsJson() != null) {
            delta.add("annotations", OpenAiResponseWriter.raw(extras.annotationsJson()));
        }
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", chunk.choiceIndex()).add("delta", delta)
                .add("logprobs", extras == null ? JsonValue.NULL : OpenAiResponseWriter.raw(extras.logprobsJson()))
                .add("finish_reason", OpenAiResponseWriter.finishReason(chunk.finishReason()));
        List<JsonObject> out = new ArrayList<>(1);
        out.add(envelope().add("choices", JSON.createArrayBuilder().add(choice)).build());
        return out;
    }

    /** The closing usage chunk, if the caller asked for one and the provider reported usage. */
    List<JsonObject> end() {
        if (!includeUsage || usage == null) {
            return List.of();
        }
        return List.of(envelope().add("choices", JSON.createArrayBuilder())
                .add("usage", OpenAiResponseWriter.usage(usage)).build());
    }

    private JsonObjectBuilder envelope() {
        return OpenAiResponseWriter.service(JSON.createObjectBuilder().add("id", id)
                .add("object", "chat.completion.chunk").add("created", created)
                .add("model", model == null ? "" : model), service);
    }

    private static JsonArrayBuilder toolCalls(List<ToolCallDelta> deltas) {
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        for (ToolCallDelta delta : deltas) {
            JsonObjectBuilder function = JSON.createObjectBuilder();
            if (delta.name() != null) {
                function.add("name", delta.name());
            }
            function.add("arguments", delta.argumentsFragment() == null ? "" : delta.argumentsFragment());
            JsonObjectBuilder call = JSON.createObjectBuilder().add("index", delta.index());
            if (delta.id() != null) {
                call.add("id", delta.id()).add("type", "function");
            }
            calls.add(call.add("function", function));
        }
        return calls;
    }
}
