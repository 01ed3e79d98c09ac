package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ResponseFormat;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;

/**
 * Structured output for Claude: a {@code response_format} of JSON becomes one tool whose input schema is the
 * requested schema, and a {@code tool_choice} that forces it; the tool's input is the answer. Part of
 * {@link AnthropicMapper}; pure.
 *
 * @param name   the tool's name, the schema's name or {@value #DEFAULT_NAME}
 * @param schema the input schema
 */
record AnthropicAnswerTool(String name, JsonObject schema) {

    static final String DEFAULT_NAME = "json_response";
    private static final String OBJECT_SCHEMA = "{\"type\":\"object\"}";
    /** Anthropic's tool-name rule; OpenAI's schema names follow the same one. */
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final String DESCRIPTION = "Give the answer as this tool's input, which must match its schema.";

    /**
     * The forced tool for the request's response format, or {@code null} when it asks for none.
     *
     * @throws io.circuitbreaker.llm.error.InvalidRequestException when the format cannot be expressed this way
     */
    static AnthropicAnswerTool of(ChatRequest request) {
        ResponseFormat format = request.responseFormat();
        if (format == null) {
            return null;
        }
        return switch (format.type()) {
            case TEXT -> null;
            case JSON_OBJECT -> checked(request, new AnthropicAnswerTool(DEFAULT_NAME,
                    AnthropicConversation.parseJson(OBJECT_SCHEMA, "").asJsonObject()));
            case JSON_SCHEMA -> checked(request, new AnthropicAnswerTool(name(format), schema(format)));
        };
    }

    AnthropicTool tool() {
        return new AnthropicTool(name, DESCRIPTION, schema);
    }

    AnthropicToolChoice choice() {
        return new AnthropicToolChoice("tool", name, null);
    }

    /** The forced tool's name, or {@code null} when the request asks for no structured output. */
    static String nameFor(ChatRequest request) {
        AnthropicAnswerTool tool = of(request);
        return tool == null ? null : tool.name();
    }

    private static AnthropicAnswerTool checked(ChatRequest request, AnthropicAnswerTool tool) {
        if (!request.tools().isEmpty()) {
            throw AnthropicConversation.invalid("response_format cannot be combined with tools for an Anthropic "
                    + "model: the gateway asks Claude for the JSON answer with a forced tool call, which leaves the "
                    + "model no choice of the caller's tools");
        }
        if (request.reasoning() != null && request.reasoning().enabled()) {
            throw AnthropicConversation.invalid("response_format cannot be combined with reasoning for an "
                    + "Anthropic model: the gateway asks Claude for the JSON answer with a forced tool call, and "
                    + "Anthropic does not allow forced tool use with extended thinking");
        }
        return tool;
    }

    private static String name(ResponseFormat format) {
        String name = format.schemaName();
        if (name == null || name.isBlank()) {
            return DEFAULT_NAME;
        }
        if (!TOOL_NAME.matcher(name).matches()) {
            throw AnthropicConversation.invalid("response_format json_schema name '" + name
                    + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
        return name;
    }

    private static JsonObject schema(ResponseFormat format) {
        if (format.schemaJson() == null || format.schemaJson().isBlank()) {
            throw AnthropicConversation.invalid("response_format json_schema has no schema");
        }
        JsonValue schema = AnthropicConversation.parseJson(format.schemaJson(),
                "response_format json_schema schema is not valid JSON");
        if (schema.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AnthropicConversation.invalid("response_format json_schema schema is not a JSON object");
        }
        return schema.asJsonObject();
    }
}
