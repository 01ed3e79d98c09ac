package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.request.JsonBody;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenAI Chat Completions request body into the gateway's request. Accepts every argument OpenAI documents
 * and refuses any other as OpenAI does (see {@link OpenAiParameters}); strict about the ones it translates: a wrong
 * type or value is a 400 naming the parameter, never a 500. The body itself travels along as the request's
 * {@link NativeRequest}, with the names of the parameters the translation does not carry.
 */
public final class OpenAiRequestParser {

    /** OpenAI's upper bound for {@code n}. */
    static final int MAX_CHOICES = 128;

    private OpenAiRequestParser() {
    }

    /** As {@link #parse(String, int)} with the default message limit. */
    static OpenAiChatRequest parse(String body) {
        return parse(body, RequestLimits.DEFAULT_MAX_MESSAGES);
    }

    /** The request in {@code body}, or {@link InvalidOpenAiRequest} saying what is wrong with it. */
    static OpenAiChatRequest parse(String body, int maxMessages) {
        JsonObject json = object(body);
        OpenAiParameters.rejectUnknown(json);
        OpenAiParameters.refuseUnanswerable(json);
        String model = Fields.string(json, "model");
        if (model == null || model.isBlank()) {
            throw new InvalidOpenAiRequest("model", "you must provide a model parameter");
        }
        if (hasControlCharacter(model)) {
            // the name goes back out in the x-llm-model header and into usage records: CR/LF there would end the
            // header (the container then refused it after the status was set: an empty 200 recorded as a success)
            throw new InvalidOpenAiRequest("model", "model must not contain control characters");
        }
        Integer n = Fields.integer(json, "n");
        if (n != null && (n < 1 || n > MAX_CHOICES)) {
            throw new InvalidOpenAiRequest("n", "n must be between 1 and " + MAX_CHOICES);
        }
        String maxTokensParam = "max_completion_tokens";
        Integer maxTokens = Fields.integer(json, maxTokensParam);
        if (maxTokens == null) {
            maxTokensParam = "max_tokens";
            maxTokens = Fields.integer(json, maxTokensParam);
        }
        if (maxTokens != null && maxTokens < 1) {
            // name the parameter the caller sent
            throw new InvalidOpenAiRequest(maxTokensParam, maxTokensParam + " must be at least 1");
        }
        Double temperature = Fields.number(json, "temperature");
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new InvalidOpenAiRequest("temperature", "temperature must be between 0 and 2");
        }
        Double topP = Fields.number(json, "top_p");
        if (topP != null && (topP < 0 || topP > 1)) {
            throw new InvalidOpenAiRequest("top_p", "top_p must be between 0 and 1");
        }
        // checked by type only: OpenAI judges the values, and any value makes a translating adapter refuse
        Fields.bool(json, "logprobs");
        Fields.bool(json, "store");
        ChatRequest request = ChatRequest.builder(model.trim())
                .messages(OpenAiMessageParser.messages(json.get("messages"), maxMessages))
                .temperature(temperature)
                .topP(topP)
                .maxTokens(maxTokens)
                .stop(stop(json.get("stop")))
                .seed(Fields.longValue(json, "seed"))
                .user(Fields.string(json, "user"))
                .tools(tools(json.get("tools")))
                .toolChoice(toolChoice(json.get("tool_choice")))
                .responseFormat(responseFormat(json.get("response_format")))
                .parallelToolCalls(Fields.bool(json, "parallel_tool_calls"))
                .reasoning(reasoning(json))
                .presencePenalty(penalty(json, "presence_penalty"))
                .frequencyPenalty(penalty(json, "frequency_penalty"))
                // one answer is every provider's default: only more than one is asked for
                .candidates(n != null && n > 1 ? n : null)
                .nativeRequest(new NativeRequest(ProviderType.OPENAI, body, OpenAiParameters.untranslated(json),
                        Map.of()))
                .build();
        boolean stream = Boolean.TRUE.equals(Fields.bool(json, "stream"));
        return new OpenAiChatRequest(request, stream, includeUsage(json.get("stream_options")));
    }

    /** The body's one JSON object, refused in OpenAI's shape when it is anything else (see {@link JsonBody}). */
    private static JsonObject object(String body) {
        try {
            return JsonBody.object(body);
        } catch (JsonBody.NotAnObject e) {
            throw new InvalidOpenAiRequest(null, e.getMessage());
        }
    }

    /** Whether {@code text} holds a C0 or C1 control character or DEL, none of which belongs in a model name. */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static Double penalty(JsonObject json, String name) {
        Double penalty = Fields.number(json, name);
        if (penalty != null && (penalty < -2 || penalty > 2)) {
            throw new InvalidOpenAiRequest(name, name + " must be between -2 and 2");
        }
        return penalty;
    }

    /**
     * {@code reasoning_effort}: any non-blank word, not only the levels known today, so a level OpenAI adds later still
     * reaches OpenAI (which judges it); an adapter that must turn it into a budget refuses a word it has none for.
     */
    private static ReasoningConfig reasoning(JsonObject json) {
        String effort = Fields.string(json, "reasoning_effort");
        if (effort == null) {
            return null;
        }
        if (effort.isBlank()) {
            throw new InvalidOpenAiRequest("reasoning_effort",
                    "reasoning_effort must be none, minimal, low, medium, high or xhigh");
        }
        return ReasoningConfig.effort(effort.strip());
    }

    private static boolean includeUsage(JsonValue options) {
        if (options == null || options == JsonValue.NULL) {
            return false;
        }
        if (!(options instanceof JsonObject object)) {
            throw new InvalidOpenAiRequest("stream_options", "stream_options must be an object");
        }
        return Boolean.TRUE.equals(Fields.bool(object, "include_usage", "stream_options.include_usage"));
    }

    private static List<String> stop(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value instanceof JsonArray array && array.size() <= 4
                && array.stream().allMatch(v -> v instanceof JsonString)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw new InvalidOpenAiRequest("stop", "stop must be a string or an array of at most 4 strings");
    }

    private static List<ToolDefinition> tools(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidOpenAiRequest("tools", "tools must be an array");
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String param = "tools[" + i + "]";
            if (!(array.get(i) instanceof JsonObject tool) || !(tool.get("function") instanceof JsonObject function)
                    || !"function".equals(Fields.string(tool, "type", param + ".type"))) {
                throw new InvalidOpenAiRequest(param, param + " must be {\"type\": \"function\", \"function\": {...}}");
            }
            String name = Fields.string(function, "name", param + ".function.name");
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new InvalidOpenAiRequest(param + ".function.name",
                        "function names are 1 to 64 letters, digits, '_' or '-'");
            }
            JsonValue parameters = function.get("parameters");
            if (parameters != null && parameters != JsonValue.NULL && !(parameters instanceof JsonObject)) {
                throw new InvalidOpenAiRequest(param + ".function.parameters", "parameters must be a JSON Schema object");
            }
            String description = Fields.string(function, "description", param + ".function.description");
            tools.add(new ToolDefinition(name, description,
                    parameters instanceof JsonObject schema ? schema.toString()
                            : "{\"type\":\"object\",\"properties\":{}}",
                    Fields.bool(function, "strict", param + ".function.strict")));
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return switch (text.getString()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw new InvalidOpenAiRequest("tool_choice", "tool_choice must be auto, none, required "
                        + "or {\"type\": \"function\", \"function\": {\"name\": ...}}");
            };
        }
        if (value instanceof JsonObject choice && choice.get("function") instanceof JsonObject function
                && function.get("name") instanceof JsonString name) {
            return ToolChoice.function(name.getString());
        }
        throw new InvalidOpenAiRequest("tool_choice", "tool_choice must name a function");
    }

    private static ResponseFormat responseFormat(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject format)) {
            throw new InvalidOpenAiRequest("response_format", "response_format must be an object");
        }
        String type = Fields.string(format, "type", "response_format.type");
        if ("text".equals(type)) {
            return ResponseFormat.TEXT;
        }
        if ("json_object".equals(type)) {
            return ResponseFormat.JSON_OBJECT;
        }
        if ("json_schema".equals(type) && format.get("json_schema") instanceof JsonObject schema
                && schema.get("schema") instanceof JsonObject body) {
            return new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA,
                    Fields.string(schema, "name", "response_format.json_schema.name"), body.toString(),
                    Fields.bool(schema, "strict", "response_format.json_schema.strict"));
        }
        throw new InvalidOpenAiRequest("response_format.type",
                "response_format.type must be text, json_object or json_schema (with json_schema.schema)");
    }

    /** Typed reads of optional fields: absent or null is {@code null}, a wrong type is a 400 naming the field. */
    public static final class Fields {

        private Fields() {
        }

        public static String string(JsonObject json, String name) {
            return string(json, name, name);
        }

        /** As {@link #string(JsonObject, String)}, naming a nested field by its path, e.g. messages[2].role. */
        public static String string(JsonObject json, String name, String param) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            throw new InvalidOpenAiRequest(param, param + " must be a string");
        }

        public static Double number(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number) {
                return number.doubleValue();
            }
            throw new InvalidOpenAiRequest(name, name + " must be a number");
        }

        public static Integer integer(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.intValueExact();
                } catch (ArithmeticException e) {
                    throw new InvalidOpenAiRequest(name, name + " is out of range");
                }
            }
            throw new InvalidOpenAiRequest(name, name + " must be an integer");
        }

        public static Long longValue(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException e) {
                    throw new InvalidOpenAiRequest(name, name + " is out of range");
                }
            }
            throw new InvalidOpenAiRequest(name, name + " must be an integer");
        }

        public static Boolean bool(JsonObject json, String name) {
            return bool(json, name, name);
        }

        /** As {@link #bool(JsonObject, String)}, naming a nested field by its path. */
        public static Boolean bool(JsonObject json, String name, String param) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new InvalidOpenAiRequest(param, param + " must be true or false");
        }
    }
}
