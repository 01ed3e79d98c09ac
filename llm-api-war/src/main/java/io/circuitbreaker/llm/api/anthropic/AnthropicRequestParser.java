package io.circuitbreaker.llm.api.anthropic;

import static io.circuitbreaker.llm.api.anthropic.Fields.path;

import io.circuitbreaker.llm.api.anthropic.AnthropicParameters.Endpoint;
import io.circuitbreaker.llm.api.request.JsonBody;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an Anthropic Messages (or count_tokens) body into the gateway's request, keeping the body as sent in a
 * {@link NativeRequest} for an Anthropic upstream. Strict where Anthropic is strict: a missing or mistyped field is a
 * 400 naming its JSON path, an unknown top-level field is refused by name (see {@link AnthropicParameters}). What the
 * neutral model cannot carry is listed as untranslated, never dropped.
 */
final class AnthropicRequestParser {

    /** Anthropic's tool name rule. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Set<String> TOOL_KEYS = Set.of("type", "name", "description", "input_schema",
            "cache_control", "strict");
    private static final Set<String> TOOL_CHOICE_KEYS = Set.of("type", "name", "disable_parallel_tool_use");
    private static final Set<String> THINKING_KEYS = Set.of("type", "budget_tokens");
    private static final Set<String> METADATA_KEYS = Set.of("user_id");

    private AnthropicRequestParser() {
    }

    /**
     * The request in {@code body}, or {@link InvalidAnthropicRequest} saying what is wrong with it.
     *
     * @param headers the caller's protocol headers to forward to an Anthropic upstream (lower-case names), e.g.
     *                {@code anthropic-beta}
     */
    static AnthropicRequest parse(String body, int maxMessages, Endpoint endpoint, Map<String, String> headers) {
        JsonObject json;
        try {
            json = JsonBody.object(body);
        } catch (JsonBody.NotAnObject e) {
            throw new InvalidAnthropicRequest(null, e.getMessage());
        }
        List<String> untranslated = new ArrayList<>();
        AnthropicParameters.check(json, endpoint, untranslated);
        String model = Fields.requiredString(json, "model", null);
        if (model.isBlank()) {
            throw new InvalidAnthropicRequest("model", "String should have at least 1 character");
        }
        if (model.chars().anyMatch(Character::isISOControl)) {
            // the name goes out again in the x-llm-model header and into usage records
            throw new InvalidAnthropicRequest("model", "model must not contain control characters");
        }
        Integer maxTokens = Fields.integer(json, "max_tokens", null);
        if (endpoint == Endpoint.MESSAGES && maxTokens == null) {
            throw new InvalidAnthropicRequest("max_tokens", "Field required");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidAnthropicRequest("max_tokens", "Input should be greater than or equal to 1");
        }
        AnthropicMessageParser messages = new AnthropicMessageParser(untranslated);
        List<ChatMessage> conversation = new ArrayList<>(messages.system(json.get("system")));
        conversation.addAll(messages.messages(json.get("messages"), maxMessages));
        List<ToolDefinition> tools = tools(json, untranslated);
        JsonObject toolChoice = Fields.object(json, "tool_choice", null);
        AnthropicOutputConfig output = AnthropicOutputConfig.read(json, untranslated);
        ChatRequest request = ChatRequest.builder(model.trim())
                .messages(conversation)
                .maxTokens(maxTokens)
                .temperature(between(json, "temperature", 0, 1))
                .topP(between(json, "top_p", 0, 1))
                .topK(topK(json))
                .stop(stopSequences(json))
                .user(user(json, untranslated))
                .tools(tools)
                .toolChoice(toolChoice(toolChoice, untranslated))
                .parallelToolCalls(parallelToolCalls(toolChoice))
                .reasoning(output.reasoning(thinking(json, maxTokens, untranslated)))
                .responseFormat(output.format())
                .nativeRequest(new NativeRequest(ProviderType.ANTHROPIC, body, untranslated, headers))
                .build();
        return new AnthropicRequest(request, Boolean.TRUE.equals(Fields.bool(json, "stream", null)));
    }

    private static Double between(JsonObject json, String name, double min, double max) {
        Double value = Fields.number(json, name, null);
        if (value != null && (value < min || value > max)) {
            throw new InvalidAnthropicRequest(name, "Input should be between " + (int) min + " and " + (int) max);
        }
        return value;
    }

    private static Integer topK(JsonObject json) {
        Integer topK = Fields.integer(json, "top_k", null);
        if (topK != null && topK < 0) {
            throw new InvalidAnthropicRequest("top_k", "Input should be greater than or equal to 0");
        }
        return topK;
    }

    private static List<String> stopSequences(JsonObject json) {
        JsonArray array = Fields.array(json, "stop_sequences", null);
        if (array == null) {
            return null;
        }
        List<String> stops = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw new InvalidAnthropicRequest(path("stop_sequences", i), "Input should be a valid string");
            }
            stops.add(text.getString());
        }
        return stops;
    }

    /** {@code metadata.user_id}, the end user's id for abuse monitoring. */
    private static String user(JsonObject json, List<String> untranslated) {
        JsonObject metadata = Fields.object(json, "metadata", null);
        if (metadata == null) {
            return null;
        }
        extraKeys(metadata, METADATA_KEYS, "metadata", untranslated);
        return Fields.string(metadata, "user_id", "metadata");
    }

    /**
     * Custom tools become tool definitions; Anthropic's own tools (a {@code type} other than {@code custom}, e.g.
     * {@code web_search_20250305} or {@code bash_20250124}) run at or are defined by Anthropic, so they stay
     * Anthropic's: untranslated.
     */
    private static List<ToolDefinition> tools(JsonObject json, List<String> untranslated) {
        JsonArray array = Fields.array(json, "tools", null);
        if (array == null) {
            return null;
        }
        List<ToolDefinition> tools = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = path("tools", i);
            JsonObject tool = Fields.element(array, i, "tools");
            String type = Fields.string(tool, "type", at);
            if (type != null && !"custom".equals(type)) {
                untranslated.add(at);
                continue;
            }
            extraKeys(tool, TOOL_KEYS, at, untranslated);
            String name = Fields.requiredString(tool, "name", at);
            if (!TOOL_NAME.matcher(name).matches()) {
                throw new InvalidAnthropicRequest(path(at, "name"), "String should match pattern "
                        + "'^[a-zA-Z0-9_-]{1,128}$'");
            }
            JsonObject schema = Fields.object(tool, "input_schema", at);
            if (schema == null) {
                throw new InvalidAnthropicRequest(path(at, "input_schema"), "Field required");
            }
            tools.add(new ToolDefinition(name, Fields.string(tool, "description", at), schema.toString(),
                    Fields.bool(tool, "strict", at)));
        }
        return tools;
    }

    /** auto, any (some tool: REQUIRED), tool (the named one), none. */
    private static ToolChoice toolChoice(JsonObject choice, List<String> untranslated) {
        if (choice == null) {
            return null;
        }
        extraKeys(choice, TOOL_CHOICE_KEYS, "tool_choice", untranslated);
        return switch (Fields.requiredString(choice, "type", "tool_choice")) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> ToolChoice.REQUIRED;
            case "none" -> ToolChoice.NONE;
            case "tool" -> ToolChoice.function(Fields.requiredString(choice, "name", "tool_choice"));
            default -> throw new InvalidAnthropicRequest("tool_choice.type",
                    "Input should be 'auto', 'any', 'tool' or 'none'");
        };
    }

    /** {@code disable_parallel_tool_use: true} allows one tool call at most. */
    private static Boolean parallelToolCalls(JsonObject choice) {
        if (choice == null) {
            return null;
        }
        Boolean disable = Fields.bool(choice, "disable_parallel_tool_use", "tool_choice");
        return disable == null ? null : !disable;
    }

    /**
     * {@code enabled} with a budget, or {@code disabled}. {@code adaptive} (the model decides how much to think) is
     * the model's default for other providers: no setting of its own ({@code output_config.effort}, when given,
     * still applies); its {@code display} option has no neutral form and is untranslated.
     */
    private static ReasoningConfig thinking(JsonObject json, Integer maxTokens, List<String> untranslated) {
        JsonObject thinking = Fields.object(json, "thinking", null);
        if (thinking == null) {
            return null;
        }
        extraKeys(thinking, THINKING_KEYS, "thinking", untranslated);
        String type = Fields.requiredString(thinking, "type", "thinking");
        switch (type) {
            case "enabled" -> {
                Integer budget = Fields.integer(thinking, "budget_tokens", "thinking");
                if (budget == null) {
                    throw new InvalidAnthropicRequest("thinking.enabled.budget_tokens", "Field required");
                }
                if (budget < ReasoningConfig.MIN_BUDGET) {
                    throw new InvalidAnthropicRequest("thinking.enabled.budget_tokens",
                            "Input should be greater than or equal to " + ReasoningConfig.MIN_BUDGET);
                }
                if (maxTokens != null && budget >= maxTokens) {
                    // Anthropic's rule: the budget is part of max_tokens, and some must be left for the answer
                    throw new InvalidAnthropicRequest(null,
                            "`max_tokens` must be greater than `thinking.budget_tokens`");
                }
                return ReasoningConfig.budget(budget);
            }
            case "disabled" -> {
                return ReasoningConfig.disabled();
            }
            case "adaptive" -> {
                return null;
            }
            default -> throw new InvalidAnthropicRequest("thinking.type",
                    "Input should be 'enabled', 'disabled' or 'adaptive'");
        }
    }

    private static void extraKeys(JsonObject object, Set<String> known, String at, List<String> untranslated) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                untranslated.add(path(at, key));
            }
        }
    }
}
