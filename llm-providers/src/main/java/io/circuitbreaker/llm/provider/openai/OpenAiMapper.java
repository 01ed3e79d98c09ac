package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Translates between the gateway's model and the Chat Completions wire format, both ways. Pure: no I/O, no state
 * beyond the provider type it reports answers under.
 *
 * <p>Reasoning: a request's {@link io.circuitbreaker.llm.model.ReasoningConfig} becomes {@code reasoning_effort}
 * (see {@link OpenAiRequestOptions}); reasoning blocks of earlier assistant turns are not sent, since Chat
 * Completions has no place for them; reasoning in answers ({@code reasoning_content}, {@code reasoning}, thinking
 * parts) is kept apart from the answer text.
 */
public final class OpenAiMapper {

    /** Models that reject {@code max_tokens} and want {@code max_completion_tokens}. */
    private static final List<String> REASONING_MODEL_PREFIXES = List.of("o1", "o3", "o4", "gpt-5");

    private static final String FUNCTION = "function";

    private final ProviderType provider;
    private final OpenAiErrors errors;

    public OpenAiMapper(ProviderType provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.errors = new OpenAiErrors(provider);
    }

    // ---------------------------------------------------------------- request

    /**
     * The request body as JSON text; {@code stream} adds {@code stream} and {@code stream_options}. A body the caller
     * sent in this very protocol (the gateway's {@code /v1/chat/completions}) is forwarded as it came, with only what
     * the gateway decides replaced ({@link OpenAiNativeBody}); every other request is translated ({@link #toWire}).
     */
    public String toJson(ChatRequest request, boolean stream) {
        NativeRequest nativeRequest = request.nativeRequestFor(ProviderType.OPENAI);
        if (nativeRequest != null) {
            return OpenAiNativeBody.forChat(provider, nativeRequest, request.model(),
                    usesMaxCompletionTokens(request.model()), stream);
        }
        return Json.toJson(toWire(request, stream));
    }

    /**
     * The wire request.
     *
     * @throws InvalidRequestException naming the parameter, for what this server cannot take: {@code top_k} on
     *                                 OpenAI itself, parameters of another protocol left untranslated by a front door
     */
    public OpenAiChatRequest toWire(ChatRequest request, boolean stream) {
        OpenAiRequestOptions.refuseUntranslated(provider, request);
        boolean completionTokens = usesMaxCompletionTokens(request.model());
        return new OpenAiChatRequest(
                request.model(),
                request.messages().stream().map(OpenAiMapper::message).toList(),
                request.temperature(),
                request.topP(),
                completionTokens ? null : request.maxTokens(),
                completionTokens ? request.maxTokens() : null,
                request.stop().isEmpty() ? null : request.stop(),
                request.seed(),
                request.user(),
                request.tools().isEmpty() ? null : request.tools().stream().map(this::tool).toList(),
                toolChoice(request.toolChoice()),
                request.parallelToolCalls(),
                responseFormat(request.responseFormat()),
                OpenAiRequestOptions.topK(provider, request),
                // the reasoning-model prefixes are those that also want max_completion_tokens
                OpenAiRequestOptions.reasoningEffort(provider, request, completionTokens),
                request.presencePenalty(),
                request.frequencyPenalty(),
                request.candidates(),
                stream ? Boolean.TRUE : null,
                // without it a stream reports no usage at all, and usage must never be estimated
                stream ? new OpenAiStreamOptions(Boolean.TRUE) : null);
    }

    static boolean usesMaxCompletionTokens(String model) {
        String id = model.toLowerCase(Locale.ROOT);
        return REASONING_MODEL_PREFIXES.stream().anyMatch(id::startsWith);
    }

    /**
     * One message. A failed tool's result ({@link ChatMessage#toolError()}) is sent as its content only: Chat
     * Completions has no error flag on tool messages, and the content itself says what failed.
     */
    private static OpenAiRequestMessage message(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> new OpenAiRequestMessage("system", content(message), message.name(), null, null);
            case USER -> new OpenAiRequestMessage("user", content(message), message.name(), null, null);
            case ASSISTANT -> assistant(message);
            case TOOL -> new OpenAiRequestMessage("tool", content(message), null, null, message.toolCallId());
        };
    }

    /**
     * An assistant turn. Its reasoning parts ({@link ContentPart.Thinking}, {@link ContentPart.RedactedThinking}) are
     * not sent: Chat Completions has no place for earlier reasoning in a request, and the servers that return
     * {@code reasoning_content} do not want it back (DeepSeek answers it with a 400). The model reasons afresh.
     */
    private static OpenAiRequestMessage assistant(ChatMessage message) {
        List<OpenAiToolCall> calls = message.toolCalls().isEmpty() ? null : message.toolCalls().stream()
                .map(call -> new OpenAiToolCall(null, call.id(), FUNCTION,
                        new OpenAiFunctionCall(call.name(), jakarta.json.Json.createValue(call.argumentsJson()))))
                .toList();
        boolean onlyReasoning = message.content().stream().allMatch(ContentPart::isThinking);
        Object content = calls != null && onlyReasoning ? JsonValue.NULL : content(message);
        return new OpenAiRequestMessage("assistant", content, message.name(), calls, null);
    }

    /** Plain text as a string (what every compatible server accepts); parts only when images are present. */
    private static Object content(ChatMessage message) {
        if (!message.hasImages()) {
            return message.text();
        }
        List<OpenAiContentPart> parts = new ArrayList<>();
        for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.Text text) {
                parts.add(OpenAiContentPart.text(text.text()));
            } else if (part instanceof ContentPart.ImageUrl image) {
                parts.add(OpenAiContentPart.image(image.url(), image.detail()));
            } else if (part instanceof ContentPart.ImageBase64 image) {
                parts.add(OpenAiContentPart.image("data:" + image.mediaType() + ";base64," + image.data(), null));
            }
            // reasoning parts: not sent, see assistant(...)
        }
        return parts;
    }

    private OpenAiTool tool(ToolDefinition tool) {
        return new OpenAiTool(FUNCTION, new OpenAiFunctionDefinition(tool.name(), tool.description(),
                jsonObject(tool.parametersJsonSchema(), "parameters of tool " + tool.name()), tool.strict()));
    }

    private static Object toolChoice(ToolChoice choice) {
        if (choice == null) {
            return null;
        }
        return switch (choice.mode()) {
            case AUTO -> "auto";
            case NONE -> "none";
            case REQUIRED -> "required";
            case FUNCTION -> OpenAiNamedToolChoice.of(choice.functionName());
        };
    }

    private OpenAiResponseFormat responseFormat(ResponseFormat format) {
        if (format == null) {
            return null;
        }
        return switch (format.type()) {
            case TEXT -> new OpenAiResponseFormat("text", null);
            case JSON_OBJECT -> new OpenAiResponseFormat("json_object", null);
            // the API requires a name; callers that give none get a neutral one instead of a 400
            case JSON_SCHEMA -> new OpenAiResponseFormat("json_schema", new OpenAiJsonSchema(
                    format.schemaName() == null || format.schemaName().isBlank() ? "response" : format.schemaName(),
                    jsonObject(format.schemaJson(), "response schema"), format.strict()));
        };
    }

    private JsonObject jsonObject(String json, String what) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonValue value = jakarta.json.Json.createReader(new StringReader(json)).readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // reported below, the same way as a non-object
        }
        throw new InvalidRequestException(provider, 0, "invalid_json_schema", what + " is not a JSON object");
    }

    // ---------------------------------------------------------------- response

    /**
     * Maps a 2xx answer body.
     *
     * @throws MalformedResponseException when the body is not a chat completion
     * @throws io.circuitbreaker.llm.error.LlmProviderException typed, when the body is an error object
     */
    public ChatResponse fromJson(String body) {
        OpenAiChatCompletion completion = parse(provider, body);
        if ("error".equals(completion.object()) && !present(completion.error())
                && (completion.choices() == null || completion.choices().isEmpty())) {
            // a top-level error object ({"object":"error","message","type","code"}, vLLM's and Mistral's shape)
            throw errors.errorObject(Json.readValue(body), "error object in a 2xx answer");
        }
        return toDomain(completion);
    }

    public ChatResponse toDomain(OpenAiChatCompletion completion) {
        if (present(completion.error()) && (completion.choices() == null || completion.choices().isEmpty())) {
            throw errors.errorObject(completion.error(), "error object in a 2xx answer");
        }
        if (completion.choices() == null || completion.choices().isEmpty()) {
            throw malformed(provider, "answer has no choices");
        }
        List<Choice> choices = new ArrayList<>();
        for (int position = 0; position < completion.choices().size(); position++) {
            choices.add(choice(completion.choices().get(position), position));
        }
        choices.sort(Comparator.comparingInt(Choice::index));
        return new ChatResponse(completion.id(), completion.model(), provider, choices, usage(completion.usage()),
                ServiceInfo.of(completion.systemFingerprint(), completion.serviceTier()));
    }

    private Choice choice(OpenAiChoice wire, int position) {
        OpenAiResponseMessage message = wire.message();
        if (message == null) {
            throw malformed(provider, "choice " + position + " has no message");
        }
        Content content = content(provider, message.content());
        List<ToolCall> calls = new ArrayList<>();
        if (message.toolCalls() != null) {
            for (OpenAiToolCall call : message.toolCalls()) {
                calls.add(toolCall(call.id(), call.function()));
            }
        }
        if (message.functionCall() != null) {
            // the legacy API has no call id
            calls.add(toolCall(null, message.functionCall()));
        }
        String reasoning = firstNonEmpty(message.reasoningContent(), message.reasoning(), content.reasoning());
        return new Choice(wire.index() == null ? position : wire.index(), answerText(content.text(), message.refusal()),
                reasoning, calls, finishReason(wire.finishReason(), !calls.isEmpty()), List.of(),
                extras(wire, message));
    }

    private ToolCall toolCall(String id, OpenAiFunctionCall function) {
        if (function == null || function.name() == null) {
            throw malformed(provider, "tool call without a function name");
        }
        return new ToolCall(id, function.name(), arguments(function.arguments()));
    }

    // ---------------------------------------------------------------- shared with the stream decoder

    /** The choice's logprobs and the message's (or delta's) annotations as sent, for the client who asked. */
    static ChoiceExtras extras(OpenAiChoice choice, OpenAiResponseMessage message) {
        return ChoiceExtras.of(present(choice.logprobs()) ? choice.logprobs().toString() : null,
                message != null && present(message.annotations()) ? message.annotations().toString() : null);
    }

    static OpenAiChatCompletion parse(ProviderType provider, String json) {
        OpenAiChatCompletion completion;
        try {
            completion = Json.fromJson(json, OpenAiChatCompletion.class);
        } catch (RuntimeException e) {
            throw new MalformedResponseException(provider, 200, "invalid_json",
                    "answer is not a chat completion: " + e.getClass().getSimpleName(), e);
        }
        if (completion == null) {
            throw malformed(provider, "answer is JSON null");
        }
        return completion;
    }

    /** A refusal is the only answer the caller gets, so it is the text when there is no content. */
    static String answerText(String content, String refusal) {
        return content.isEmpty() && refusal != null ? refusal : content;
    }

    /** Kind TOOL_CALLS whenever tool calls were made: some compatible servers end those with {@code stop}. */
    static FinishReason finishReason(String raw, boolean toolCalls) {
        if (raw == null) {
            return toolCalls ? FinishReason.of(FinishReason.Kind.TOOL_CALLS, null) : null;
        }
        FinishReason.Kind kind = switch (raw) {
            case "stop" -> FinishReason.Kind.STOP;
            case "length" -> FinishReason.Kind.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.Kind.TOOL_CALLS;
            case "content_filter" -> FinishReason.Kind.CONTENT_FILTER;
            // OpenRouter: the upstream model failed while generating
            case "error" -> FinishReason.Kind.ERROR;
            default -> FinishReason.Kind.OTHER;
        };
        return FinishReason.of(toolCalls ? FinishReason.Kind.TOOL_CALLS : kind, raw);
    }

    static Usage usage(OpenAiUsage usage) {
        if (usage == null) {
            return null;
        }
        int input = usage.promptTokens() == null ? 0 : usage.promptTokens();
        int output = usage.completionTokens() == null ? 0 : usage.completionTokens();
        int total = usage.totalTokens() == null ? input + output : usage.totalTokens();
        Integer cached = usage.promptTokensDetails() != null && usage.promptTokensDetails().cachedTokens() != null
                ? usage.promptTokensDetails().cachedTokens() : usage.promptCacheHitTokens();
        Integer reasoning = usage.completionTokensDetails() == null ? null
                : usage.completionTokensDetails().reasoningTokens();
        return new Usage(input, output, total, cached, reasoning);
    }

    /** Arguments are JSON text; the few servers that send an object get it written back as text. */
    static String arguments(JsonValue arguments) {
        if (!present(arguments)) {
            return null;
        }
        return arguments instanceof JsonString text ? text.getString() : arguments.toString();
    }

    /** Text and reasoning of a message's content. */
    record Content(String text, String reasoning) {
    }

    /**
     * Reads {@code content}: a string, or an array of parts (Mistral's reasoning models send
     * {@code {"type":"thinking"}} parts, which are reasoning, next to {@code {"type":"text"}} parts).
     */
    static Content content(ProviderType provider, JsonValue content) {
        if (!present(content)) {
            return new Content("", null);
        }
        if (content instanceof JsonString text) {
            return new Content(text.getString(), null);
        }
        if (!(content instanceof JsonArray parts)) {
            throw malformed(provider, "message content is neither text nor parts");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        for (JsonValue value : parts) {
            if (value instanceof JsonObject part) {
                if ("thinking".equals(part.getString("type", null))) {
                    appendText(reasoning, part.get("thinking"));
                } else {
                    appendText(text, part.get("text"));
                }
            }
        }
        return new Content(text.toString(), reasoning.length() == 0 ? null : reasoning.toString());
    }

    private static void appendText(StringBuilder target, JsonValue value) {
        if (value instanceof JsonString text) {
            target.append(text.getString());
        } else if (value instanceof JsonArray parts) {
            for (JsonValue part : parts) {
                if (part instanceof JsonObject object) {
                    appendText(target, object.get("text"));
                }
            }
        }
    }

    static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    static boolean present(JsonValue value) {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    static MalformedResponseException malformed(ProviderType provider, String message) {
        return new MalformedResponseException(provider, 200, "malformed_answer", message);
    }
}
