package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiRequestParser;
import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import io.circuitbreaker.llm.api.request.JsonBody;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code POST /v1/responses} body: every documented argument is used, or refused by name when the gateway
 * cannot honour it ({@link ResponsesParameters}); an unknown one is refused as OpenAI refuses it; a wrong type or
 * value is a 400 naming the parameter, in OpenAI's error shape.
 */
final class ResponsesRequestParser {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** OpenAI's limits on metadata: 16 pairs, keys up to 64 characters, values up to 512. */
    static final int METADATA_PAIRS = 16;
    static final int METADATA_KEY_CHARS = 64;
    static final int METADATA_VALUE_CHARS = 512;

    private ResponsesRequestParser() {
    }

    static ResponsesRequest parse(String body, int maxItems) {
        JsonObject json;
        try {
            json = JsonBody.object(body);
        } catch (JsonBody.NotAnObject e) {
            throw new InvalidOpenAiRequest(null, e.getMessage());
        }
        ResponsesParameters.rejectUnknown(json);
        ResponsesParameters.rejectUnsupported(json);
        String model = Fields.string(json, "model");
        if (model == null || model.isBlank()) {
            throw new InvalidOpenAiRequest("model", "you must provide a model parameter");
        }
        if (OpenAiRequestParser.hasControlCharacter(model)) {
            throw new InvalidOpenAiRequest("model", "model must not contain control characters");
        }
        Integer maxTokens = Fields.integer(json, "max_output_tokens");
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidOpenAiRequest("max_output_tokens", "max_output_tokens must be at least 1");
        }
        Double temperature = Fields.number(json, "temperature");
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new InvalidOpenAiRequest("temperature", "temperature must be between 0 and 2");
        }
        Double topP = Fields.number(json, "top_p");
        if (topP != null && (topP < 0 || topP > 1)) {
            throw new InvalidOpenAiRequest("top_p", "top_p must be between 0 and 1");
        }
        String instructions = Fields.string(json, "instructions");
        if (!json.containsKey("input") || json.get("input") == JsonValue.NULL) {
            throw new InvalidOpenAiRequest("input", "you must provide input");
        }
        List<JsonObject> input = ResponsesInput.items(json.get("input"), maxItems);
        List<ChatMessage> messages = new ArrayList<>();
        if (instructions != null) {
            messages.add(ChatMessage.system(instructions));
        }
        messages.addAll(ResponsesMessages.of(input, "input"));
        // safety_identifier is OpenAI's newer name for user; both name the end user for abuse monitoring
        String user = Fields.string(json, "safety_identifier");
        if (user == null) {
            user = Fields.string(json, "user");
        }
        ChatRequest request = ChatRequest.builder(model.strip())
                .messages(messages)
                .temperature(temperature)
                .topP(topP)
                .maxTokens(maxTokens)
                .user(user)
                .tools(ResponsesOptions.tools(json.get("tools")))
                .toolChoice(ResponsesOptions.toolChoice(json.get("tool_choice")))
                .responseFormat(ResponsesOptions.textFormat(json.get("text")))
                .parallelToolCalls(Fields.bool(json, "parallel_tool_calls"))
                .reasoning(ResponsesOptions.reasoning(json.get("reasoning")))
                .build();
        String previous = Fields.string(json, "previous_response_id");
        if (previous != null && previous.isBlank()) {
            throw new InvalidOpenAiRequest("previous_response_id", "previous_response_id must not be blank");
        }
        boolean store = !Boolean.FALSE.equals(Fields.bool(json, "store"));
        boolean stream = Boolean.TRUE.equals(Fields.bool(json, "stream"));
        metadata(json.get("metadata"));
        return new ResponsesRequest(request, instructions, input, stream, store, previous, echo(json, store));
    }

    private static void metadata(JsonValue value) {
        if (!ResponsesParameters.present(value)) {
            return;
        }
        if (!(value instanceof JsonObject metadata)) {
            throw new InvalidOpenAiRequest("metadata", "metadata must be an object of strings");
        }
        if (metadata.size() > METADATA_PAIRS) {
            throw new InvalidOpenAiRequest("metadata", "metadata holds at most " + METADATA_PAIRS + " pairs");
        }
        for (Map.Entry<String, JsonValue> pair : metadata.entrySet()) {
            if (pair.getKey().length() > METADATA_KEY_CHARS) {
                throw new InvalidOpenAiRequest("metadata", "metadata keys are at most " + METADATA_KEY_CHARS
                        + " characters");
            }
            if (!(pair.getValue() instanceof JsonString text) || text.getString().length() > METADATA_VALUE_CHARS) {
                throw new InvalidOpenAiRequest("metadata." + InvalidOpenAiRequest.excerpt(pair.getKey()),
                        "metadata values are strings of at most " + METADATA_VALUE_CHARS + " characters");
            }
        }
    }

    /** The settings the response object repeats, with OpenAI's defaults where the caller sent none. */
    private static JsonObject echo(JsonObject json, boolean store) {
        JsonObjectBuilder echo = JSON.createObjectBuilder();
        echo.add("instructions", value(json, "instructions"));
        echo.add("max_output_tokens", value(json, "max_output_tokens"));
        echo.add("parallel_tool_calls", orElse(json, "parallel_tool_calls", JsonValue.TRUE));
        echo.add("previous_response_id", value(json, "previous_response_id"));
        JsonObjectBuilder reasoning = JSON.createObjectBuilder().add("effort", JsonValue.NULL)
                .add("summary", JsonValue.NULL);
        if (json.get("reasoning") instanceof JsonObject given) {
            reasoning.add("effort", orElse(given, "effort", JsonValue.NULL));
            reasoning.add("summary", given.get("summary") instanceof JsonString s ? s
                    : orElse(given, "generate_summary", JsonValue.NULL));
        }
        echo.add("reasoning", reasoning);
        echo.add("store", store);
        echo.add("temperature", orElse(json, "temperature", JSON.createValue(1.0)));
        JsonObjectBuilder text = JSON.createObjectBuilder().add("format",
                JSON.createObjectBuilder().add("type", "text"));
        if (json.get("text") instanceof JsonObject given && given.get("format") instanceof JsonObject format) {
            text.add("format", format);
        }
        echo.add("text", text);
        echo.add("tool_choice", orElse(json, "tool_choice", JSON.createValue("auto")));
        echo.add("tools", orElse(json, "tools", JsonValue.EMPTY_JSON_ARRAY));
        echo.add("top_p", orElse(json, "top_p", JSON.createValue(1.0)));
        echo.add("truncation", "disabled");
        echo.add("user", value(json, "user"));
        echo.add("metadata", orElse(json, "metadata", JsonValue.EMPTY_JSON_OBJECT));
        return echo.build();
    }

    private static JsonValue value(JsonObject json, String name) {
        return orElse(json, name, JsonValue.NULL);
    }

    private static JsonValue orElse(JsonObject json, String name, JsonValue otherwise) {
        JsonValue value = json.get(name);
        return value == null || value == JsonValue.NULL ? otherwise : value;
    }
}
