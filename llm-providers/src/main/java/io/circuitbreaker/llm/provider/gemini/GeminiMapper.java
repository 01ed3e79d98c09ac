package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.ContentFilteredException;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between the gateway's model and the Gemini {@code generateContent} wire format. Pure: no I/O, no state.
 */
public final class GeminiMapper {

    static final ProviderType PROVIDER = ProviderType.GOOGLE;

    /**
     * Gemini 3 rejects a replayed function call that lacks the {@code thoughtSignature} it was returned with
     * ("Function call is missing a thought_signature"). The domain model has nowhere to keep that signature, so
     * replayed calls carry the value Google documents for history it did not produce; models that do not check
     * signatures ignore it.
     */
    static final String UNKNOWN_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

    private GeminiMapper() {
    }

    // ---------------------------------------------------------------- request

    /**
     * The wire request for a chat request.
     *
     * @throws InvalidRequestException when the request cannot be expressed for Gemini (a tool result answering no
     *                                 known call, arguments or schemas that are not JSON objects, an effort level
     *                                 without a budget, untranslated parameters of another protocol,
     *                                 {@code parallel_tool_calls: false})
     *
     * <p>{@code user} (an end-user id for the provider's abuse monitoring) is not sent: the Gemini API has no such
     * field, and refusing it would refuse every Claude Code request (its {@code metadata.user_id}) routed to Gemini.
     * This is the one parameter the Gemini translation leaves out; the README's parameter table says so.
     */
    public static GeminiRequest toRequest(ChatRequest request) {
        if (!request.untranslated().isEmpty()) {
            // parameters of another protocol that Gemini cannot express: refused by name, never dropped
            List<String> untranslated = request.untranslated();
            throw new InvalidRequestException(PROVIDER, 0, "unsupported_parameter", (untranslated.size() == 1
                    ? "parameter " : "parameters ") + String.join(", ", untranslated) + " of the "
                    + request.nativeRequest().protocol().wireName() + " request cannot be sent to Google (the Gemini "
                    + "API has no equivalent); route this model to an upstream of that protocol or leave "
                    + (untranslated.size() == 1 ? "it" : "them") + " out");
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls()) && !request.tools().isEmpty()) {
            // Gemini may answer with several function calls and has no switch against it
            throw new InvalidRequestException(PROVIDER, 0, "unsupported_parameter", "parallel_tool_calls: false "
                    + "cannot be sent to Google (the Gemini API has no way to limit an answer to one function call)");
        }
        List<String> system = new ArrayList<>();
        List<GeminiContent> contents = new ArrayList<>();
        Map<String, String> toolNamesById = new HashMap<>();
        for (ChatMessage message : request.messages()) {
            switch (message.role()) {
                case SYSTEM -> system.add(message.text());
                case USER -> append(contents, "user", userParts(message));
                case ASSISTANT -> append(contents, "model", assistantParts(message, toolNamesById));
                case TOOL -> append(contents, "user", List.of(toolResult(message, toolNamesById)));
            }
        }
        GeminiContent systemInstruction = system.isEmpty() ? null
                : new GeminiContent(null, List.of(GeminiPart.text(String.join("\n\n", system))));
        return new GeminiRequest(contents, systemInstruction, tools(request.tools()), toolConfig(request.toolChoice()),
                generationConfig(request));
    }

    /** Gemini wants strictly alternating turns in practice: a turn continuing the same role joins the previous. */
    private static void append(List<GeminiContent> contents, String role, List<GeminiPart> parts) {
        if (parts.isEmpty()) {
            return;
        }
        GeminiContent last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && last.role().equals(role)) {
            List<GeminiPart> merged = new ArrayList<>(last.parts());
            merged.addAll(parts);
            contents.set(contents.size() - 1, new GeminiContent(role, merged));
        } else {
            contents.add(new GeminiContent(role, List.copyOf(parts)));
        }
    }

    private static List<GeminiPart> userParts(ChatMessage message) {
        List<GeminiPart> parts = new ArrayList<>();
        for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.Text t) {
                if (!t.text().isEmpty()) {
                    parts.add(GeminiPart.text(t.text()));
                }
            } else if (part instanceof ContentPart.ImageBase64 image) {
                parts.add(GeminiPart.inline(image.mediaType(), image.data()));
            } else if (part instanceof ContentPart.ImageUrl image) {
                parts.add(GeminiMedia.fromUrl(image.url()));
            }
            // reasoning parts: not sent, see assistantParts
        }
        return parts;
    }

    /**
     * A model turn. Its reasoning parts ({@link ContentPart.Thinking}, {@link ContentPart.RedactedThinking}) are not
     * sent: they are another provider's (Anthropic's signatures mean nothing to Gemini, whose own thought signatures
     * ride on function calls, see {@link #UNKNOWN_THOUGHT_SIGNATURE}), and Gemini does not read earlier thoughts.
     */
    private static List<GeminiPart> assistantParts(ChatMessage message, Map<String, String> toolNamesById) {
        List<GeminiPart> parts = new ArrayList<>(userParts(message));
        boolean first = true;
        for (ToolCall call : message.toolCalls()) {
            if (call.id() != null) {
                toolNamesById.put(call.id(), call.name());
            }
            JsonObject args = parseObject(call.argumentsJson(), "arguments of tool call " + call.name());
            // parallel calls share one signature, which Gemini puts on the first call only
            parts.add(GeminiPart.call(new GeminiFunctionCall(null, call.name(), args),
                    first ? UNKNOWN_THOUGHT_SIGNATURE : null));
            first = false;
        }
        return parts;
    }

    /**
     * A tool's result as a {@code functionResponse}: a JSON object as it is, other text under {@code content}. A failed
     * tool's result ({@link ChatMessage#toolError()}, Anthropic's {@code is_error}) goes under {@code error}, the key
     * Google documents for "the function call failed" (a whole response without {@code output} or {@code error} is
     * read as output).
     */
    private static GeminiPart toolResult(ChatMessage message, Map<String, String> toolNamesById) {
        String name = message.toolCallId() == null ? null : toolNamesById.get(message.toolCallId());
        if (name == null) {
            name = message.name();
        }
        if (name == null) {
            throw new InvalidRequestException(PROVIDER, 0, "unknown_tool_call",
                    "tool result for call id '" + message.toolCallId()
                            + "' answers no earlier assistant tool call, and Gemini needs the function name");
        }
        String text = message.text();
        JsonObject result = asObjectOrNull(text);
        JsonObject response;
        if (message.toolError()) {
            response = result != null ? jakarta.json.Json.createObjectBuilder().add("error", result).build()
                    : jakarta.json.Json.createObjectBuilder().add("error", text).build();
        } else {
            response = result != null ? result : jakarta.json.Json.createObjectBuilder().add("content", text).build();
        }
        return GeminiPart.response(new GeminiFunctionResponse(name, response));
    }

    private static List<GeminiTool> tools(List<ToolDefinition> tools) {
        if (tools.isEmpty()) {
            return null;
        }
        List<GeminiFunctionDeclaration> declarations = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            JsonObject parameters = tool.parametersJsonSchema() == null ? null
                    : GeminiSchemas.parameters(parseObject(tool.parametersJsonSchema(),
                            "parameters schema of tool " + tool.name()));
            declarations.add(new GeminiFunctionDeclaration(tool.name(), tool.description(), parameters));
        }
        return List.of(new GeminiTool(declarations));
    }

    private static GeminiToolConfig toolConfig(ToolChoice choice) {
        if (choice == null) {
            return null;
        }
        GeminiFunctionCallingConfig config = switch (choice.mode()) {
            case AUTO -> new GeminiFunctionCallingConfig("AUTO", null);
            case NONE -> new GeminiFunctionCallingConfig("NONE", null);
            case REQUIRED -> new GeminiFunctionCallingConfig("ANY", null);
            case FUNCTION -> new GeminiFunctionCallingConfig("ANY", List.of(choice.functionName()));
        };
        return new GeminiToolConfig(config);
    }

    private static GeminiGenerationConfig generationConfig(ChatRequest request) {
        ResponseFormat format = request.responseFormat();
        ResponseFormat.Type type = format == null ? ResponseFormat.Type.TEXT : format.type();
        String mimeType = type == ResponseFormat.Type.TEXT ? null : "application/json";
        JsonObject schema = type == ResponseFormat.Type.JSON_SCHEMA && format.schemaJson() != null
                ? GeminiSchemas.clean(parseObject(format.schemaJson(), "response schema"))
                : null;
        GeminiGenerationConfig config = new GeminiGenerationConfig(request.temperature(), request.topP(),
                request.topK(), request.maxTokens(), request.stop().isEmpty() ? null : request.stop(), request.seed(),
                request.presencePenalty(), request.frequencyPenalty(), request.candidates(), mimeType, schema, GeminiThinkingConfig.of(request.reasoning()));
        return config.isEmpty() ? null : config;
    }

    private static JsonObject parseObject(String json, String what) {
        JsonObject object = asObjectOrNull(json);
        if (object == null) {
            throw new InvalidRequestException(PROVIDER, 0, "invalid_json", what + " must be a JSON object");
        }
        return object;
    }

    private static JsonObject asObjectOrNull(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonValue value = Json.fromJson(json, JsonValue.class);
            return value instanceof JsonObject object ? object : null;
        } catch (JsonbException | JsonException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- response

    /**
     * The domain answer for a {@code generateContent} response body.
     *
     * @throws ContentFilteredException   when the prompt was blocked and no candidate came back
     * @throws MalformedResponseException when the body is not a generateContent response
     */
    public static ChatResponse fromJson(String body) {
        GeminiResponse response = parseResponse(body);
        if (response.error() != null) {
            throw GeminiErrors.fromError(response.error(), 200, name -> null);
        }
        String blocked = response.promptBlockReason();
        if (blocked != null) {
            throw promptBlocked(blocked);
        }
        if (response.candidateList().isEmpty()) {
            throw new MalformedResponseException(PROVIDER, 200, null, "generateContent answer without candidates");
        }
        List<Choice> choices = response.candidateList().stream()
                .sorted(Comparator.comparingInt(GeminiCandidate::indexOrZero))
                .map(GeminiMapper::choice)
                .toList();
        return new ChatResponse(response.responseId(), response.modelVersion(), PROVIDER, choices,
                usage(response.usageMetadata()));
    }

    static GeminiResponse parseResponse(String body) {
        GeminiResponse response;
        try {
            response = body == null || body.isBlank() ? null : Json.fromJson(body, GeminiResponse.class);
        } catch (JsonbException | JsonException | ClassCastException e) {
            throw new MalformedResponseException(PROVIDER, 200, null, "not a Gemini response: " + e.getMessage(), e);
        }
        if (response == null) {
            throw new MalformedResponseException(PROVIDER, 200, null, "empty Gemini response body");
        }
        return response;
    }

    static ContentFilteredException promptBlocked(String blockReason) {
        return new ContentFilteredException(PROVIDER, 200, blockReason,
                "Gemini blocked the prompt (blockReason " + blockReason + ")");
    }

    private static Choice choice(GeminiCandidate candidate) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (GeminiPart part : candidate.partList()) {
            if (part.functionCall() != null) {
                calls.add(toolCall(candidate.indexOrZero(), calls.size(), part.functionCall()));
            } else if (part.text() != null) {
                (part.isThought() ? reasoning : text).append(part.text());
            }
        }
        return new Choice(candidate.indexOrZero(), text.toString(), reasoning.isEmpty() ? null : reasoning.toString(),
                calls, finishReason(candidate.finishReason(), !calls.isEmpty()));
    }

    static ToolCall toolCall(int candidateIndex, int n, GeminiFunctionCall call) {
        return new ToolCall(toolCallId(candidateIndex, n, call), call.name(), argumentsJson(call));
    }

    /** Gemini's id when it sent one; otherwise an id stable for the call's position in the answer. */
    static String toolCallId(int candidateIndex, int n, GeminiFunctionCall call) {
        return call.id() != null && !call.id().isBlank() ? call.id() : "call_" + candidateIndex + "_" + n;
    }

    static String argumentsJson(GeminiFunctionCall call) {
        return call.args() == null ? "{}" : call.args().toString();
    }

    /**
     * The normalised finish reason; {@code null} only when Gemini sent none and no tool was called.
     *
     * @param hasToolCalls whether the candidate called functions: Gemini then still says STOP
     */
    static FinishReason finishReason(String raw, boolean hasToolCalls) {
        if (hasToolCalls) {
            return FinishReason.of(FinishReason.Kind.TOOL_CALLS, raw);
        }
        if (raw == null) {
            return null;
        }
        FinishReason.Kind kind = switch (raw) {
            case "STOP" -> FinishReason.Kind.STOP;
            case "MAX_TOKENS" -> FinishReason.Kind.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                    "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.Kind.CONTENT_FILTER;
            case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS",
                    "MISSING_THOUGHT_SIGNATURE", "MALFORMED_RESPONSE" -> FinishReason.Kind.ERROR;
            case "OTHER", "LANGUAGE", "IMAGE_OTHER", "NO_IMAGE", "FINISH_REASON_UNSPECIFIED" -> FinishReason.Kind.OTHER;
            default -> FinishReason.Kind.OTHER;
        };
        return FinishReason.of(kind, raw);
    }

    /**
     * Usage in the gateway's terms: thinking tokens count as output (they are billed so), built-in tool prompts as
     * input; the total is Gemini's own.
     */
    static Usage usage(GeminiUsageMetadata usage) {
        if (usage == null) {
            return null;
        }
        int input = orZero(usage.promptTokenCount()) + orZero(usage.toolUsePromptTokenCount());
        int output = orZero(usage.candidatesTokenCount()) + orZero(usage.thoughtsTokenCount());
        int total = usage.totalTokenCount() != null ? usage.totalTokenCount() : input + output;
        return new Usage(input, output, total, usage.cachedContentTokenCount(), usage.thoughtsTokenCount());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
