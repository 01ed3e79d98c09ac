package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the gateway's chat model and the Messages API wire format. Pure: no I/O, no state.
 *
 * <p>Request decisions:
 * <ul>
 * <li>{@code max_tokens} is mandatory for Anthropic; when the caller set none, {@value #DEFAULT_MAX_TOKENS} is sent:
 * every current Claude model accepts it, and it is large enough for ordinary answers without reserving a model's
 * whole output budget.</li>
 * <li>{@code seed} and {@code response_format} have no Messages API equivalent and are not sent (the API rejects
 * unknown fields). A JSON answer can be asked for in the prompt or with a forced tool.</li>
 * <li>{@code tool_choice} is only sent together with tools (the API rejects it alone). {@code parallelToolCalls =
 * false} becomes {@code disable_parallel_tool_use: true} inside it (with {@code type: auto} when no choice was
 * given); it is not sent with {@code none}, which takes no options.</li>
 * <li>A tool without a parameter schema gets {@code {"type":"object","properties":{}}}: the API requires one.</li>
 * </ul>
 */
public final class AnthropicMapper {

    /** Sent as {@code max_tokens} when the request sets no limit. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private static final ProviderType TYPE = ProviderType.ANTHROPIC;
    private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    /**
     * @throws io.circuitbreaker.llm.error.InvalidRequestException when the request cannot be expressed for Anthropic
     *         (tool arguments or a schema that are not JSON objects, a non-base64 data URL, a tool result without id)
     */
    public AnthropicMessagesRequest toRequest(ChatRequest request, boolean stream) {
        AnthropicConversation conversation = AnthropicConversation.of(request.messages());
        return new AnthropicMessagesRequest(
                request.model(),
                request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS,
                conversation.system(),
                conversation.messages(),
                request.temperature(),
                request.topP(),
                request.stop().isEmpty() ? null : request.stop(),
                request.user() == null ? null : new AnthropicMetadata(request.user()),
                tools(request.tools()),
                toolChoice(request),
                stream ? Boolean.TRUE : null);
    }

    /** The request body as sent. */
    public String toRequestJson(ChatRequest request, boolean stream) {
        return Json.toJson(toRequest(request, stream));
    }

    /**
     * Reads a 2xx body.
     *
     * @throws MalformedResponseException when it is not a Messages API message
     * @throws io.circuitbreaker.llm.error.LlmProviderException of the error's kind when it is an error envelope
     */
    public ChatResponse toResponse(int status, String body) {
        if (body == null || body.isBlank()) {
            throw malformed(status, "empty answer body");
        }
        AnthropicMessagesResponse message;
        try {
            message = Json.fromJson(body, AnthropicMessagesResponse.class);
        } catch (RuntimeException e) {
            throw malformed(status, "answer body is not a JSON message object");
        }
        if (message == null) {
            throw malformed(status, "answer body is not a JSON message object");
        }
        if ("error".equals(message.type())) {
            AnthropicErrorBody error = Json.fromJson(body, AnthropicErrorBody.class);
            throw AnthropicErrors.fromErrorObject(error.error(), error.requestId());
        }
        if (message.content() == null) {
            throw malformed(status, "answer has no content array (type " + message.type() + ")");
        }
        return toResponse(status, message);
    }

    ChatResponse toResponse(int status, AnthropicMessagesResponse message) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = null;
        List<ToolCall> toolCalls = new ArrayList<>();
        for (AnthropicResponseBlock block : message.content()) {
            if (block == null || block.type() == null) {
                continue;
            }
            switch (block.type()) {
                case "text" -> text.append(block.text() == null ? "" : block.text());
                case "thinking" -> reasoning = (reasoning == null ? new StringBuilder() : reasoning)
                        .append(block.thinking() == null ? "" : block.thinking());
                // encrypted reasoning: never answer text, and nothing readable to report as reasoning either
                case "redacted_thinking" -> {
                }
                case "tool_use" -> toolCalls.add(toolCall(status, block));
                // server tool blocks (web search, code execution) and future block types are not the caller's
                default -> {
                }
            }
        }
        String reasoningText = reasoning == null || reasoning.isEmpty() ? null : reasoning.toString();
        Choice choice = new Choice(0, text.toString(), reasoningText, toolCalls,
                finishReason(message.stopReason(), !toolCalls.isEmpty()));
        return new ChatResponse(message.id(), message.model(), TYPE, List.of(choice), usage(message.usage()));
    }

    private static ToolCall toolCall(int status, AnthropicResponseBlock block) {
        if (block.name() == null) {
            throw malformed(status, "tool_use block without a name");
        }
        JsonValue input = block.input();
        String arguments = input == null || input.getValueType() == JsonValue.ValueType.NULL ? "{}"
                : input.toString();
        return new ToolCall(block.id(), block.name(), arguments);
    }

    /**
     * Normalises a {@code stop_reason}. Tool calls in the answer make it {@link FinishReason.Kind#TOOL_CALLS}
     * whatever Anthropic said.
     */
    public static FinishReason finishReason(String raw, boolean hasToolCalls) {
        if (hasToolCalls) {
            return FinishReason.of(FinishReason.Kind.TOOL_CALLS, raw);
        }
        if (raw == null) {
            return FinishReason.of(FinishReason.Kind.OTHER, null);
        }
        FinishReason.Kind kind = switch (raw) {
            case "end_turn", "stop_sequence" -> FinishReason.Kind.STOP;
            // the answer was cut because the context window, not max_tokens, ran out: still a truncation
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.Kind.LENGTH;
            case "tool_use" -> FinishReason.Kind.TOOL_CALLS;
            case "refusal" -> FinishReason.Kind.CONTENT_FILTER;
            // pause_turn: a server-tool turn to be continued by the caller, not an end the gateway can name
            default -> FinishReason.Kind.OTHER;
        };
        return FinishReason.of(kind, raw);
    }

    /**
     * The gateway's usage: Anthropic's {@code input_tokens} excludes cache reads and writes, so they are added
     * back; the cache reads are the cached share. Anthropic does not report thinking tokens apart.
     */
    public static Usage usage(AnthropicUsage usage) {
        if (usage == null) {
            return null;
        }
        int cacheRead = orZero(usage.cacheReadInputTokens());
        int input = orZero(usage.inputTokens()) + cacheRead + orZero(usage.cacheCreationInputTokens());
        int output = orZero(usage.outputTokens());
        return new Usage(input, output, input + output, usage.cacheReadInputTokens() == null ? null : cacheRead,
                null);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static List<AnthropicTool> tools(List<ToolDefinition> tools) {
        if (tools.isEmpty()) {
            return null;
        }
        List<AnthropicTool> result = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            String schemaText = tool.parametersJsonSchema() == null || tool.parametersJsonSchema().isBlank()
                    ? EMPTY_SCHEMA : tool.parametersJsonSchema();
            JsonValue schema = AnthropicConversation.parseJson(schemaText,
                    "the parameter schema of tool " + tool.name() + " is not valid JSON");
            if (!(schema instanceof JsonObject object)) {
                throw AnthropicConversation.invalid("the parameter schema of tool " + tool.name()
                        + " is not a JSON object");
            }
            result.add(new AnthropicTool(tool.name(), tool.description(), object));
        }
        return result;
    }

    private static AnthropicToolChoice toolChoice(ChatRequest request) {
        if (request.tools().isEmpty()) {
            return null;
        }
        Boolean disableParallel = Boolean.FALSE.equals(request.parallelToolCalls()) ? Boolean.TRUE : null;
        ToolChoice choice = request.toolChoice();
        if (choice == null) {
            return disableParallel == null ? null : new AnthropicToolChoice("auto", null, disableParallel);
        }
        return switch (choice.mode()) {
            case AUTO -> new AnthropicToolChoice("auto", null, disableParallel);
            case REQUIRED -> new AnthropicToolChoice("any", null, disableParallel);
            case FUNCTION -> {
                if (choice.functionName() == null || choice.functionName().isBlank()) {
                    throw AnthropicConversation.invalid("tool choice FUNCTION needs a function name");
                }
                yield new AnthropicToolChoice("tool", choice.functionName(), disableParallel);
            }
            case NONE -> new AnthropicToolChoice("none", null, null);
        };
    }

    private static MalformedResponseException malformed(int status, String message) {
        return new MalformedResponseException(TYPE, status, "malformed_response", message);
    }
}
