package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.OpenAiError;
import io.circuitbreaker.llm.api.openai.OpenAiErrorMapper;
import io.circuitbreaker.llm.api.openai.OpenAiResponses;
import io.circuitbreaker.llm.api.relay.StreamFormat;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Responses API's event stream, whichever provider answers: {@code response.created},
 * {@code response.in_progress}, then for each output item {@code response.output_item.added}, its parts and deltas
 * (reasoning: {@code response.reasoning_summary_part.added}, {@code response.reasoning_summary_text.delta}/{@code
 * .done}, {@code response.reasoning_summary_part.done}; message: {@code response.content_part.added},
 * {@code response.output_text.delta}/{@code .done}, {@code response.content_part.done}; function call:
 * {@code response.function_call_arguments.delta}/{@code .done}) and {@code response.output_item.done}; finally
 * {@code response.completed} with the whole response and its usage ({@code response.incomplete} when the output limit
 * cut it short, as OpenAI). Every event carries {@code sequence_number}, from 0. A failure once the stream has begun
 * is an {@code error} event followed by {@code response.failed}.
 *
 * <p>One item is open at a time and a new one opens when the kind of content changes (reasoning, text, another
 * function call), as in the Anthropic door's format. Pieces of a function call whose item already closed cannot be
 * placed, so they end the stream as a failure rather than a wrong answer.
 */
final class ResponsesStreamFormat implements StreamFormat {

    private static final JsonProvider JSON = JsonProvider.provider();

    private enum Kind { NONE, REASONING, MESSAGE, TOOL }

    private final ResponseHead head;
    private final Consumer<JsonObject> finished;
    private final List<JsonObject> output = new ArrayList<>();
    private int sequence;
    private boolean started;
    private boolean broken;
    private String model;
    private Kind open = Kind.NONE;
    private String itemId;
    private final StringBuilder text = new StringBuilder();
    private String callId;
    private String callName;
    private int openTool = -1;
    private int lastTool = -1;
    private FinishReason finish;
    private Usage usage;

    /**
     * @param finished given the final response object when the stream completes (to store it); not called on failure
     */
    ResponsesStreamFormat(ResponseHead head, Consumer<JsonObject> finished) {
        this.head = head;
        this.finished = finished;
    }

    @Override
    public byte[] chunk(StreamChunk chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (broken) {
            return out.toByteArray();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.finishReason() != null) {
            finish = chunk.finishReason();
        }
        if (model == null && chunk.model() != null && !chunk.model().isEmpty()) {
            model = chunk.model();
        }
        if (!started) {
            start(out);
        }
        if (!chunk.reasoningDelta().isEmpty()) {
            if (open != Kind.REASONING) {
                openReasoning(out);
            }
            text.append(chunk.reasoningDelta());
            event(out, itemEvent("response.reasoning_summary_text.delta").add("summary_index", 0)
                    .add("delta", chunk.reasoningDelta()));
        }
        if (!chunk.textDelta().isEmpty()) {
            if (open != Kind.MESSAGE) {
                openMessage(out);
            }
            text.append(chunk.textDelta());
            event(out, itemEvent("response.output_text.delta").add("content_index", 0)
                    .add("delta", chunk.textDelta()).add("logprobs", JsonValue.EMPTY_JSON_ARRAY));
        }
        for (ToolCallDelta call : chunk.toolCalls()) {
            if (open != Kind.TOOL || openTool != call.index()) {
                if (call.index() <= lastTool) {
                    fail(out, new OpenAiError(502, "api_error", "upstream_error", null, "the upstream interleaved "
                            + "the pieces of its function calls, which the Responses stream cannot carry", null));
                    return out.toByteArray();
                }
                openCall(out, call);
            }
            if (!call.argumentsFragment().isEmpty()) {
                text.append(call.argumentsFragment());
                event(out, itemEvent("response.function_call_arguments.delta").add("delta", call.argumentsFragment()));
            }
        }
        return out.toByteArray();
    }

    @Override
    public byte[] end() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        if (broken) {
            return out.toByteArray();
        }
        if (!started) {
            start(out);
        }
        String incomplete = ResponsesWriter.incompleteReason(finish);
        close(out, incomplete == null ? "completed" : "incomplete");
        JsonObject response = ResponsesWriter.response(head, model, incomplete == null ? "completed" : "incomplete",
                items(), usage, incomplete, null);
        event(out, JSON.createObjectBuilder().add("type", incomplete == null ? "response.completed"
                : "response.incomplete").add("response", response));
        finished.accept(response);
        return out.toByteArray();
    }

    @Override
    public byte[] errorEvent(Throwable failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (!started) {
            start(out);
        }
        fail(out, OpenAiErrorMapper.map(failure));
        return out.toByteArray();
    }

    @Override
    public byte[] errorAnswer(HttpServletResponse response, Throwable failure) {
        return OpenAiResponses.prepareError(response, OpenAiErrorMapper.map(failure));
    }

    /** {@code error} then {@code response.failed} with what was output so far; nothing follows. */
    private void fail(ByteArrayOutputStream out, OpenAiError error) {
        broken = true;
        String code = error.code() == null ? error.type() : error.code();
        event(out, JSON.createObjectBuilder().add("type", "error").add("code", code)
                .add("message", error.message())
                .add("param", error.param() == null ? JsonValue.NULL : JSON.createValue(error.param())));
        JsonObject details = JSON.createObjectBuilder().add("code", code).add("message", error.message()).build();
        event(out, JSON.createObjectBuilder().add("type", "response.failed").add("response",
                ResponsesWriter.response(head, model, "failed", items(), usage, null, details)));
    }

    private void start(ByteArrayOutputStream out) {
        started = true;
        JsonObject response = ResponsesWriter.response(head, model, "in_progress", JsonValue.EMPTY_JSON_ARRAY, null,
                null, null);
        event(out, JSON.createObjectBuilder().add("type", "response.created").add("response", response));
        event(out, JSON.createObjectBuilder().add("type", "response.in_progress").add("response", response));
    }

    private void openReasoning(ByteArrayOutputStream out) {
        close(out, "completed");
        begin(out, Kind.REASONING, ResponseIds.item("rs_"),
                JSON.createObjectBuilder().add("type", "reasoning").add("summary", JsonValue.EMPTY_JSON_ARRAY));
        event(out, itemEvent("response.reasoning_summary_part.added").add("summary_index", 0)
                .add("part", ResponsesWriter.summaryPart("")));
    }

    private void openMessage(ByteArrayOutputStream out) {
        close(out, "completed");
        begin(out, Kind.MESSAGE, ResponseIds.item("msg_"), JSON.createObjectBuilder().add("type", "message")
                .add("status", "in_progress").add("role", "assistant").add("content", JsonValue.EMPTY_JSON_ARRAY));
        event(out, itemEvent("response.content_part.added").add("content_index", 0)
                .add("part", ResponsesWriter.textPart("")));
    }

    private void openCall(ByteArrayOutputStream out, ToolCallDelta call) {
        close(out, "completed");
        callId = ResponsesWriter.callId(call.id());
        callName = call.name() == null ? "" : call.name();
        openTool = call.index();
        lastTool = call.index();
        begin(out, Kind.TOOL, ResponseIds.item("fc_"), JSON.createObjectBuilder().add("type", "function_call")
                .add("status", "in_progress").add("arguments", "").add("call_id", callId).add("name", callName));
    }

    private void begin(ByteArrayOutputStream out, Kind kind, String id, JsonObjectBuilder item) {
        open = kind;
        itemId = id;
        text.setLength(0);
        event(out, JSON.createObjectBuilder().add("type", "response.output_item.added")
                .add("output_index", output.size()).add("item", item.add("id", id)));
    }

    /** Ends the open item with its done events and records it in the output. */
    private void close(ByteArrayOutputStream out, String status) {
        if (open == Kind.NONE) {
            return;
        }
        JsonObject item = switch (open) {
            case NONE -> throw new IllegalStateException("no item is open");
            case REASONING -> {
                event(out, itemEvent("response.reasoning_summary_text.done").add("summary_index", 0)
                        .add("text", text.toString()));
                event(out, itemEvent("response.reasoning_summary_part.done").add("summary_index", 0)
                        .add("part", ResponsesWriter.summaryPart(text.toString())));
                yield ResponsesWriter.reasoningItem(itemId, text.toString());
            }
            case MESSAGE -> {
                event(out, itemEvent("response.output_text.done").add("content_index", 0)
                        .add("text", text.toString()).add("logprobs", JsonValue.EMPTY_JSON_ARRAY));
                event(out, itemEvent("response.content_part.done").add("content_index", 0)
                        .add("part", ResponsesWriter.textPart(text.toString())));
                yield ResponsesWriter.messageItem(itemId, text.toString(), status);
            }
            case TOOL -> {
                String arguments = text.toString();
                event(out, itemEvent("response.function_call_arguments.done").add("name", callName)
                        .add("arguments", arguments));
                openTool = -1;
                yield ResponsesWriter.functionCallItem(itemId, callId, callName, arguments, status);
            }
        };
        event(out, JSON.createObjectBuilder().add("type", "response.output_item.done")
                .add("output_index", output.size()).add("item", item));
        output.add(item);
        open = Kind.NONE;
    }

    private JsonObjectBuilder itemEvent(String type) {
        return JSON.createObjectBuilder().add("type", type).add("item_id", itemId).add("output_index", output.size());
    }

    private JsonArray items() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        output.forEach(items::add);
        return items.build();
    }

    /** {@code event: <type>\ndata: <json with sequence_number>\n\n}. */
    private void event(ByteArrayOutputStream out, JsonObjectBuilder data) {
        JsonObject event = data.add("sequence_number", sequence++).build();
        out.writeBytes(("event: " + event.getString("type") + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
