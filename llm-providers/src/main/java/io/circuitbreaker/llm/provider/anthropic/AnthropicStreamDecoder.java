package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Messages API stream's event state machine, one instance per stream.
 *
 * <p>{@code message_start} gives the id, model and input usage; each content block opens with
 * {@code content_block_start}, grows with {@code content_block_delta} and closes with {@code content_block_stop};
 * {@code message_delta} brings the stop reason and the cumulative output usage; {@code message_stop} ends the
 * stream. Deltas are routed by their own type ({@code text_delta}, {@code thinking_delta}, {@code signature_delta},
 * {@code input_json_delta}), so reasoning can never leak into the answer text. A thinking block streams as reasoning
 * deltas ended by a chunk with its signature; a {@code redacted_thinking} block arrives whole in its
 * {@code content_block_start} and becomes one chunk with its data. Tool calls are numbered by the count of client
 * {@code tool_use} blocks seen so far, not by content block index (a text block usually comes first). When the
 * request asked for structured output through a forced tool ({@link AnthropicMapper#answerToolName}), that tool's
 * input streams as answer text instead, and its {@code tool_use} stop is a normal end. {@code ping} and unknown event
 * or delta types are ignored, as Anthropic's versioning policy asks.
 */
public final class AnthropicStreamDecoder implements StreamDecoder {

    private static final ProviderType TYPE = ProviderType.ANTHROPIC;
    private static final Set<String> KNOWN_EVENTS = Set.of("message_start", "content_block_start",
            "content_block_delta", "content_block_stop", "message_delta", "message_stop", "ping", "error");

    /** the forced tool whose input is the answer text, or {@code null} */
    private final String answerTool;
    /** content block index of the answer tool's block, or {@code null} before it starts */
    private Integer answerBlock;
    private boolean answerHasText;
    private String id;
    private String model;
    private AnthropicUsage startUsage;
    private int toolCount;
    /** content block index → tool call index, for client tool_use blocks */
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    /** tool blocks that received at least one non-empty argument fragment */
    private final Set<Integer> blocksWithArguments = new HashSet<>();
    /** arguments given whole in content_block_start, sent only if no fragment follows */
    private final Map<Integer, String> startInputByBlock = new HashMap<>();
    private boolean finished;

    public AnthropicStreamDecoder() {
        this(null);
    }

    /**
     * State is per stream: the publisher creates one decoder per subscription.
     *
     * @param answerTool the forced tool carrying a structured answer, or {@code null} when there is none
     */
    public AnthropicStreamDecoder(String answerTool) {
        this.answerTool = answerTool;
    }

    @Override
    public List<StreamChunk> decode(SseEvent event) {
        if (event.event() != null && !KNOWN_EVENTS.contains(event.event())) {
            return List.of();
        }
        AnthropicStreamEvent data = parse(event);
        String type = data.type() != null ? data.type() : event.event();
        if (type == null) {
            return List.of();
        }
        return switch (type) {
            case "message_start" -> messageStart(data);
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "content_block_stop" -> blockStop(data);
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> {
                finished = true;
                yield List.of();
            }
            case "error" -> throw AnthropicErrors.fromErrorObject(data.error(), null);
            default -> List.of();
        };
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public List<StreamChunk> complete() {
        if (!finished) {
            throw new MalformedResponseException(TYPE, 200, "stream_truncated",
                    "the stream ended before message_stop");
        }
        return List.of();
    }

    private List<StreamChunk> messageStart(AnthropicStreamEvent data) {
        AnthropicMessagesResponse message = data.message();
        if (message != null) {
            id = message.id();
            model = message.model();
            startUsage = message.usage();
        }
        return List.of();
    }

    private List<StreamChunk> blockStart(AnthropicStreamEvent data) {
        AnthropicResponseBlock block = data.contentBlock();
        if (block == null || block.type() == null) {
            return List.of();
        }
        return switch (block.type()) {
            case "text" -> text(block.text());
            case "thinking" -> reasoning(block.thinking());
            case "redacted_thinking" -> {
                if (block.data() == null) {
                    throw new MalformedResponseException(TYPE, 200, "malformed_event",
                            "redacted_thinking block without data");
                }
                yield List.of(new StreamChunk(id, model, 0, "", "", List.of(), null, null, null, block.data()));
            }
            case "tool_use" -> {
                int blockIndex = blockIndex(data);
                if (answerTool != null && answerTool.equals(block.name())) {
                    answerBlock = blockIndex;
                    if (block.input() instanceof JsonObject input && !input.isEmpty()) {
                        startInputByBlock.put(blockIndex, input.toString());
                    }
                    yield List.of();
                }
                int toolIndex = toolCount++;
                toolIndexByBlock.put(blockIndex, toolIndex);
                if (block.input() instanceof JsonObject input && !input.isEmpty()) {
                    startInputByBlock.put(blockIndex, input.toString());
                }
                yield List.of(toolChunk(new ToolCallDelta(toolIndex, block.id(), block.name(), "")));
            }
            // server tool blocks and future types carry nothing for the caller
            default -> List.of();
        };
    }

    private List<StreamChunk> blockDelta(AnthropicStreamEvent data) {
        AnthropicStreamDelta delta = data.delta();
        if (delta == null || delta.type() == null) {
            return List.of();
        }
        return switch (delta.type()) {
            case "text_delta" -> text(delta.text());
            case "thinking_delta" -> reasoning(delta.thinking());
            case "signature_delta" -> delta.signature() == null || delta.signature().isEmpty() ? List.of()
                    : List.of(new StreamChunk(id, model, 0, "", "", List.of(), null, null, delta.signature(), null));
            case "input_json_delta" -> {
                int blockIndex = blockIndex(data);
                String fragment = delta.partialJson();
                if (answerBlock != null && answerBlock == blockIndex) {
                    answerHasText |= fragment != null && !fragment.isEmpty();
                    yield text(fragment);
                }
                Integer toolIndex = toolIndexByBlock.get(blockIndex);
                // a server tool's input also streams this way; it is not a call for the caller to make
                if (toolIndex == null || fragment == null || fragment.isEmpty()) {
                    yield List.of();
                }
                blocksWithArguments.add(data.index());
                yield List.of(toolChunk(new ToolCallDelta(toolIndex, null, null, fragment)));
            }
            default -> List.of();
        };
    }

    /**
     * A tool without arguments streams only an empty fragment; the caller still gets complete JSON ({@code {}}) so
     * that the fragments of every tool call concatenate to a JSON object.
     */
    private List<StreamChunk> blockStop(AnthropicStreamEvent data) {
        int blockIndex = blockIndex(data);
        if (answerBlock != null && answerBlock == blockIndex) {
            return answerHasText ? List.of() : text(startInputByBlock.getOrDefault(blockIndex, "{}"));
        }
        Integer toolIndex = toolIndexByBlock.get(blockIndex);
        if (toolIndex == null || blocksWithArguments.contains(blockIndex)) {
            return List.of();
        }
        String arguments = startInputByBlock.getOrDefault(blockIndex, "{}");
        return List.of(toolChunk(new ToolCallDelta(toolIndex, null, null, arguments)));
    }

    private List<StreamChunk> messageDelta(AnthropicStreamEvent data) {
        String stopReason = data.delta() == null ? null : data.delta().stopReason();
        FinishReason finish = stopReason == null ? null
                : answerBlock != null && toolCount == 0 ? AnthropicMapper.answerFinishReason(stopReason)
                : AnthropicMapper.finishReason(stopReason, toolCount > 0);
        Usage usage = data.usage() == null ? null : AnthropicMapper.usage(merge(startUsage, data.usage()));
        if (finish == null && usage == null) {
            return List.of();
        }
        return List.of(new StreamChunk(id, model, 0, "", "", List.of(), finish, usage));
    }

    /**
     * message_delta usage is cumulative; its output count is final. Its input counts are used when present (newer
     * streams repeat them, and server tools can raise them), otherwise message_start's.
     */
    private static AnthropicUsage merge(AnthropicUsage start, AnthropicUsage delta) {
        AnthropicUsage base = start == null ? new AnthropicUsage(null, null, null, null, null) : start;
        return new AnthropicUsage(
                delta.inputTokens() != null ? delta.inputTokens() : base.inputTokens(),
                delta.outputTokens() != null ? delta.outputTokens() : base.outputTokens(),
                delta.cacheCreationInputTokens() != null ? delta.cacheCreationInputTokens()
                        : base.cacheCreationInputTokens(),
                delta.cacheReadInputTokens() != null ? delta.cacheReadInputTokens() : base.cacheReadInputTokens(),
                delta.cacheCreation() != null ? delta.cacheCreation() : base.cacheCreation());
    }

    private List<StreamChunk> text(String text) {
        return text == null || text.isEmpty() ? List.of()
                : List.of(new StreamChunk(id, model, 0, text, "", List.of(), null, null));
    }

    private List<StreamChunk> reasoning(String thinking) {
        return thinking == null || thinking.isEmpty() ? List.of()
                : List.of(new StreamChunk(id, model, 0, "", thinking, List.of(), null, null));
    }

    private StreamChunk toolChunk(ToolCallDelta delta) {
        return new StreamChunk(id, model, 0, "", "", List.of(delta), null, null);
    }

    private static int blockIndex(AnthropicStreamEvent data) {
        if (data.index() == null) {
            throw new MalformedResponseException(TYPE, 200, "malformed_event", data.type() + " event without index");
        }
        return data.index();
    }

    private static AnthropicStreamEvent parse(SseEvent event) {
        try {
            AnthropicStreamEvent data = Json.fromJson(event.data(), AnthropicStreamEvent.class);
            if (data == null) {
                throw new IllegalStateException("null event");
            }
            return data;
        } catch (RuntimeException e) {
            throw new MalformedResponseException(TYPE, 200, "malformed_event",
                    "unreadable " + (event.event() == null ? "stream" : event.event()) + " event");
        }
    }
}
