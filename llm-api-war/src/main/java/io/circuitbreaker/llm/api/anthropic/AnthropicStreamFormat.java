package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.api.relay.StreamFormat;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Anthropic's Messages stream, whichever provider answers: {@code message_start} (then a {@code ping}), for each
 * content block {@code content_block_start}, its deltas ({@code thinking_delta}, {@code signature_delta},
 * {@code text_delta}, {@code input_json_delta}) and {@code content_block_stop}, then {@code message_delta} with the
 * stop reason and usage and {@code message_stop}. After a failure once the stream has begun, a final {@code error}
 * event and no {@code message_stop}.
 *
 * <p>A state machine over the neutral chunks: one block is open at a time, and a block opens when the kind of
 * content changes (reasoning, text, or another tool call), the one before it closing first; indexes count blocks
 * from 0. A reasoning signature ends its thinking block; redacted reasoning is a block of its own (start, stop).
 * Tool calls must arrive in index order, each one's pieces together (every adapter delivers them so): a piece of a
 * call whose block already closed cannot be placed in Anthropic's sequence, so it ends the stream with an error event
 * rather than a wrong answer.
 */
final class AnthropicStreamFormat implements StreamFormat {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private enum Block { NONE, THINKING, TEXT, TOOL }

    private final String requestedModel;
    private final String requestId;
    private boolean started;
    private boolean broken;
    private Block open = Block.NONE;
    private int openIndex = -1;
    private int nextIndex;
    private int openTool = -1;
    private int lastTool = -1;
    private FinishReason finish;
    private Usage usage;

    /**
     * @param requestedModel the model name the caller asked for, shown when the upstream names none
     * @param requestId      the gateway's id for the request, for an error answered before the stream began
     */
    AnthropicStreamFormat(String requestedModel, String requestId) {
        this.requestedModel = requestedModel;
        this.requestId = requestId;
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
        if (!started) {
            start(out, chunk);
        }
        if (!chunk.reasoningDelta().isEmpty()) {
            openThinking(out);
            delta(out, "thinking_delta", "thinking", chunk.reasoningDelta());
        }
        if (chunk.reasoningSignature() != null) {
            openThinking(out);
            delta(out, "signature_delta", "signature", chunk.reasoningSignature());
            close(out);
        }
        if (chunk.redactedReasoning() != null) {
            close(out);
            startBlock(out, Block.NONE, JSON.createObjectBuilder().add("type", "redacted_thinking")
                    .add("data", chunk.redactedReasoning()));
            close(out);
        }
        if (!chunk.textDelta().isEmpty()) {
            if (open != Block.TEXT) {
                close(out);
                startBlock(out, Block.TEXT, JSON.createObjectBuilder().add("type", "text").add("text", ""));
            }
            delta(out, "text_delta", "text", chunk.textDelta());
        }
        for (ToolCallDelta call : chunk.toolCalls()) {
            if (open != Block.TOOL || openTool != call.index()) {
                if (call.index() <= lastTool) {
                    broken = true;
                    event(out, "error", errorJson(new AnthropicError(502, "api_error", "the upstream interleaved the "
                            + "pieces of its tool calls, which Anthropic's stream format cannot carry")));
                    return out.toByteArray();
                }
                close(out);
                startBlock(out, Block.TOOL, JSON.createObjectBuilder().add("type", "tool_use")
                        .add("id", AnthropicResponseWriter.toolUseId(call.id()))
                        .add("name", call.name() == null ? "" : call.name())
                        .add("input", JsonValue.EMPTY_JSON_OBJECT));
                openTool = call.index();
                lastTool = call.index();
            }
            if (!call.argumentsFragment().isEmpty()) {
                delta(out, "input_json_delta", "partial_json", call.argumentsFragment());
            }
        }
        return out.toByteArray();
    }

    @Override
    public byte[] end() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (broken) {
            return out.toByteArray();
        }
        if (!started) {
            start(out, null);
        }
        close(out);
        JsonObjectBuilder usageJson = JSON.createObjectBuilder();
        if (usage != null) {
            JsonObject full = AnthropicResponseWriter.usage(usage);
            full.forEach(usageJson::add);
        } else {
            usageJson.add("output_tokens", 0);
        }
        event(out, "message_delta", JSON.createObjectBuilder().add("type", "message_delta")
                .add("delta", JSON.createObjectBuilder().add("stop_reason", StopReasons.of(finish, lastTool >= 0))
                        .add("stop_sequence", JsonValue.NULL))
                .add("usage", usageJson).build());
        event(out, "message_stop", JSON.createObjectBuilder().add("type", "message_stop").build());
        return out.toByteArray();
    }

    @Override
    public byte[] errorEvent(Throwable failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        event(out, "error", errorJson(AnthropicErrorMapper.map(failure)));
        return out.toByteArray();
    }

    @Override
    public byte[] errorAnswer(HttpServletResponse response, Throwable failure) {
        return AnthropicResponses.prepareError(response, failure, requestId);
    }

    /** {@code message_start} with an empty message, and a {@code ping}, as Anthropic begins every stream. */
    private void start(ByteArrayOutputStream out, StreamChunk first) {
        started = true;
        String model = first != null && first.model() != null && !first.model().isEmpty() ? first.model()
                : requestedModel;
        JsonObject message = JSON.createObjectBuilder()
                .add("id", AnthropicResponseWriter.messageId(first == null ? null : first.id()))
                .add("type", "message")
                .add("role", "assistant")
                .add("model", model)
                .add("content", JsonValue.EMPTY_JSON_ARRAY)
                .add("stop_reason", JsonValue.NULL)
                .add("stop_sequence", JsonValue.NULL)
                .add("usage", AnthropicResponseWriter.usage(usage))
                .build();
        event(out, "message_start", JSON.createObjectBuilder().add("type", "message_start").add("message", message)
                .build());
        event(out, "ping", JSON.createObjectBuilder().add("type", "ping").build());
    }

    private void openThinking(ByteArrayOutputStream out) {
        if (open != Block.THINKING) {
            close(out);
            startBlock(out, Block.THINKING, JSON.createObjectBuilder().add("type", "thinking").add("thinking", "")
                    .add("signature", ""));
        }
    }

    private void startBlock(ByteArrayOutputStream out, Block kind, JsonObjectBuilder block) {
        openIndex = nextIndex++;
        open = kind;
        event(out, "content_block_start", JSON.createObjectBuilder().add("type", "content_block_start")
                .add("index", openIndex).add("content_block", block).build());
    }

    private void delta(ByteArrayOutputStream out, String type, String field, String value) {
        event(out, "content_block_delta", JSON.createObjectBuilder().add("type", "content_block_delta")
                .add("index", openIndex).add("delta", JSON.createObjectBuilder().add("type", type).add(field, value))
                .build());
    }

    /** Closes the open block, if any (a redacted block counts as open between its start and its stop). */
    private void close(ByteArrayOutputStream out) {
        if (openIndex < 0) {
            return;
        }
        event(out, "content_block_stop", JSON.createObjectBuilder().add("type", "content_block_stop")
                .add("index", openIndex).build());
        openIndex = -1;
        open = Block.NONE;
        openTool = -1;
    }

    private static JsonObject errorJson(AnthropicError error) {
        // a stream's error event carries no request id: the stream's headers already did
        return error.toJson(null);
    }

    private static void event(ByteArrayOutputStream out, String name, JsonObject data) {
        out.writeBytes(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
