package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates between the gateway's chat model and the Messages API wire format. Pure: no I/O, no state.
 *
 * <p>A caller of the gateway's own Messages API front door sent a body in this very protocol
 * ({@link ChatRequest#nativeRequestFor}): that body is forwarded as it came, with only the routed model and the
 * stream flag replaced ({@link AnthropicNativeBody}). Every other request is translated, with these decisions:
 * <ul>
 * <li>{@code max_tokens} is mandatory for Anthropic; when the caller set none, {@value #DEFAULT_MAX_TOKENS} is sent:
 * every current Claude model accepts it, and it is large enough for ordinary answers without reserving a model's
 * whole output budget.</li>
 * <li>Reasoning becomes {@code thinking}: none is {@code {"type":"disabled"}}; an effort becomes
 * {@code {"type":"enabled","budget_tokens":N}} with N from the gateway's one effort table
 * ({@link io.circuitbreaker.llm.model.ReasoningConfig#budgetTokens()}); an effort the table does not know is refused
 * by name ({@code reasoning_effort}), not guessed. Anthropic needs {@code max_tokens} above the budget and a budget of
 * at least 1,024. Without a caller's {@code max_tokens}, budget + {@value #DEFAULT_MAX_TOKENS} is sent (the budget
 * and an ordinary answer). A caller's {@code max_tokens} caps reasoning and answer together (OpenAI's meaning too),
 * so it is kept: when it is not above the budget, the budget is lowered to {@code max_tokens - 1} if that is still
 * 1,024 or more, otherwise the request is refused naming {@code max_tokens} and the reasoning parameter. Rather a
 * clear refusal than silently sending no reasoning or more tokens than the caller allowed.</li>
 * <li>{@code seed} has no Messages API equivalent and is refused by name (not dropped: a caller relying on it for
 * reproducibility must know it does not hold); so are {@code presence_penalty}, {@code frequency_penalty} and
 * {@code n} above 1.</li>
 * <li>{@code response_format} JSON (schema or any object) becomes a forced tool ({@link AnthropicAnswerTool}):
 * one tool named after the schema (or {@value AnthropicAnswerTool#DEFAULT_NAME}) whose input schema is the requested
 * one (for a JSON object, {@code {"type":"object"}}), and {@code tool_choice {"type":"tool"}}. Its input comes back
 * as the answer text (JSON), not as a tool call, with finish reason STOP (the raw {@code stop_reason} kept). It is
 * refused with the caller's own tools (the forced tool leaves no choice among them) and with reasoning (Anthropic
 * forbids forced tool use with thinking). The schema's {@code strict} flag is not sent: the forced tool already
 * constrains the answer to the schema, and Anthropic's strict tool decoding is a separate, model-dependent
 * feature.</li>
 * <li>Parameters the caller sent in another provider's protocol that have no translation
 * ({@link ChatRequest#untranslated()}) are refused by name.</li>
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
     * The translated request (the caller's native body, if any, is not consulted: see {@link #toRequestJson}).
     *
     * @throws io.circuitbreaker.llm.error.InvalidRequestException when the request cannot be expressed for Anthropic
     *         (tool arguments or a schema that are not JSON objects, a non-base64 data URL, a tool result without id,
     *         a seed, reasoning or a response format Anthropic cannot take, untranslated parameters)
     */
    public AnthropicMessagesRequest toRequest(ChatRequest request, boolean stream) {
        refuseUntranslatable(request);
        AnthropicConversation conversation = AnthropicConversation.of(request.messages());
        AnthropicReasoning reasoning = AnthropicReasoning.of(request);
        AnthropicAnswerTool answer = AnthropicAnswerTool.of(request);
        return new AnthropicMessagesRequest(
                request.model(),
                reasoning.maxTokens(),
                conversation.system(),
                conversation.messages(),
                request.temperature(),
                request.topP(),
                request.topK(),
                request.stop().isEmpty() ? null : request.stop(),
                request.user() == null ? null : new AnthropicMetadata(request.user()),
                answer != null ? List.of(answer.tool()) : tools(request.tools()),
                answer != null ? answer.choice() : toolChoice(request),
                stream ? Boolean.TRUE : null,
                reasoning.thinking());
    }

    /** The request body as sent: the caller's own Messages body when there is one, else the translation. */
    public String toRequestJson(ChatRequest request, boolean stream) {
        NativeRequest nativeRequest = request.nativeRequestFor(TYPE);
        if (nativeRequest != null) {
            return AnthropicNativeBody.forMessages(nativeRequest, request.model(), stream);
        }
        return Json.toJson(toRequest(request, stream));
    }

    /** The {@code count_tokens} body: the same request without the options that only steer generation. */
    public String toCountTokensJson(ChatRequest request) {
        NativeRequest nativeRequest = request.nativeRequestFor(TYPE);
        if (nativeRequest != null) {
            return AnthropicNativeBody.forCount(nativeRequest, request.model());
        }
        return AnthropicNativeBody.forCount(Json.readValue(Json.toJson(toRequest(request, false))).asJsonObject(),
                request.model());
    }

    /** The caller's protocol headers to send along (e.g. {@code anthropic-beta}); empty for a translated request. */
    public Map<String, String> forwardedHeaders(ChatRequest request) {
        NativeRequest nativeRequest = request.nativeRequestFor(TYPE);
        return nativeRequest == null ? Map.of() : AnthropicNativeBody.headers(nativeRequest);
    }

    /**
     * The name of the forced tool that carries a structured answer, for reading the answer back; {@code null} when
     * there is none (and always for a forwarded native body: a forced tool there is the caller's own).
     */
    public String answerToolName(ChatRequest request) {
        return request.nativeRequestFor(TYPE) != null ? null : AnthropicAnswerTool.nameFor(request);
    }

    private static void refuseUntranslatable(ChatRequest request) {
        List<String> untranslated = request.untranslated();
        if (!untranslated.isEmpty()) {
            throw AnthropicConversation.invalid((untranslated.size() == 1 ? "parameter " : "parameters ")
                    + String.join(", ", untranslated) + " of the " + request.nativeRequest().protocol().name()
                    .toLowerCase(java.util.Locale.ROOT) + " request cannot be translated for an Anthropic model");
        }
        if (request.seed() != null) {
            throw AnthropicConversation.invalid("seed is not supported by Anthropic models (the Messages API has no "
                    + "sampling seed); remove it");
        }
        // the Messages API has no repetition penalties and answers once per request
        if (request.presencePenalty() != null) {
            throw AnthropicConversation.invalid("presence_penalty is not supported by Anthropic models (the Messages "
                    + "API has no repetition penalty); remove it");
        }
        if (request.frequencyPenalty() != null) {
            throw AnthropicConversation.invalid("frequency_penalty is not supported by Anthropic models (the "
                    + "Messages API has no repetition penalty); remove it");
        }
        if (request.candidates() != null && request.candidates() > 1) {
            throw AnthropicConversation.invalid("n greater than 1 is not supported by Anthropic models (the Messages "
                    + "API returns one answer per request); send n = 1 or several requests");
        }
    }

    /** Reads a 2xx body of a request without structured output; see {@link #toResponse(int, String, String)}. */
    public ChatResponse toResponse(int status, String body) {
        return toResponse(status, body, null);
    }

    /**
     * Reads a 2xx body.
     *
     * @param answerTool the forced tool whose input is the answer text ({@link #answerToolName}), or {@code null}
     * @throws MalformedResponseException when it is not a Messages API message
     * @throws io.circuitbreaker.llm.error.LlmProviderException of the error's kind when it is an error envelope
     */
    public ChatResponse toResponse(int status, String body, String answerTool) {
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
        return toResponse(status, message, answerTool);
    }

    ChatResponse toResponse(int status, AnthropicMessagesResponse message, String answerTool) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = null;
        List<ContentPart> thinking = new ArrayList<>();
        List<ToolCall> toolCalls = new ArrayList<>();
        boolean answered = false;
        for (AnthropicResponseBlock block : message.content()) {
            if (block == null || block.type() == null) {
                continue;
            }
            switch (block.type()) {
                case "text" -> text.append(block.text() == null ? "" : block.text());
                case "thinking" -> {
                    reasoning = (reasoning == null ? new StringBuilder() : reasoning)
                            .append(block.thinking() == null ? "" : block.thinking());
                    thinking.add(new ContentPart.Thinking(block.thinking(), block.signature()));
                }
                // encrypted reasoning: never answer text, nothing readable as reasoning, but kept to be sent back
                case "redacted_thinking" -> {
                    if (block.data() == null) {
                        throw malformed(status, "redacted_thinking block without data");
                    }
                    thinking.add(new ContentPart.RedactedThinking(block.data()));
                }
                case "tool_use" -> {
                    ToolCall call = toolCall(status, block);
                    if (call.name().equals(answerTool)) {
                        text.append(call.argumentsJson());
                        answered = true;
                    } else {
                        toolCalls.add(call);
                    }
                }
                // server tool blocks (web search, code execution) and future block types are not the caller's
                default -> {
                }
            }
        }
        String reasoningText = reasoning == null || reasoning.isEmpty() ? null : reasoning.toString();
        FinishReason finish = answered && toolCalls.isEmpty() ? answerFinishReason(message.stopReason())
                : finishReason(message.stopReason(), !toolCalls.isEmpty());
        Choice choice = new Choice(0, text.toString(), reasoningText, toolCalls, finish, thinking);
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
     * The finish of a structured answer given as the forced tool's input: Anthropic ends it with {@code tool_use},
     * which for the caller is the normal end of a text answer (STOP); a truncation stays a truncation. The raw
     * reason is kept as Anthropic sent it.
     */
    public static FinishReason answerFinishReason(String raw) {
        FinishReason reason = finishReason(raw, false);
        return reason.kind() == FinishReason.Kind.TOOL_CALLS ? FinishReason.of(FinishReason.Kind.STOP, raw) : reason;
    }

    /**
     * The gateway's usage: Anthropic's {@code input_tokens} excludes cache reads and writes, so they are added
     * back; the cache reads are the cached share, the cache writes the cache-write share. Anthropic does not report
     * thinking tokens apart.
     */
    public static Usage usage(AnthropicUsage usage) {
        if (usage == null) {
            return null;
        }
        int cacheRead = orZero(usage.cacheReadInputTokens());
        int input = orZero(usage.inputTokens()) + cacheRead + orZero(usage.cacheCreationInputTokens());
        int output = orZero(usage.outputTokens());
        Integer longWrites = usage.cacheCreation() == null ? null : usage.cacheCreation().ephemeral1hInputTokens();
        return new Usage(input, output, input + output, usage.cacheReadInputTokens() == null ? null : cacheRead,
                null, usage.cacheCreationInputTokens(), longWrites);
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
