package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code tools}, {@code tool_choice}, {@code text} and {@code reasoning} of a Responses request. */
final class ResponsesOptions {

    private static final Set<String> REASONING_SUMMARIES = Set.of("auto", "concise", "detailed");

    private ResponsesOptions() {
    }

    /** Function tools ({@code {type, name, description, parameters, strict}}); built-in tools are refused by name. */
    static List<ToolDefinition> tools(JsonValue value) {
        if (!ResponsesParameters.present(value)) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidOpenAiRequest("tools", "tools must be an array");
        }
        List<ToolDefinition> tools = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String param = "tools[" + i + "]";
            if (!(array.get(i) instanceof JsonObject tool)) {
                throw new InvalidOpenAiRequest(param, "each tool must be an object");
            }
            String type = Fields.string(tool, "type", param + ".type");
            if (!"function".equals(type)) {
                // web_search, file_search, code_interpreter, computer_use, mcp, image_generation, shell, custom...
                throw ResponsesParameters.unsupported(param + ".type", "tools of type "
                        + InvalidOpenAiRequest.excerpt(type) + " are not supported by the gateway, which runs no "
                        + "built-in tools; use function tools");
            }
            String name = Fields.string(tool, "name", param + ".name");
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new InvalidOpenAiRequest(param + ".name", "function names are 1 to 64 letters, digits, '_' or '-'");
            }
            JsonValue parameters = tool.get("parameters");
            if (ResponsesParameters.present(parameters) && !(parameters instanceof JsonObject)) {
                throw new InvalidOpenAiRequest(param + ".parameters", "parameters must be a JSON Schema object");
            }
            tools.add(new ToolDefinition(name, Fields.string(tool, "description", param + ".description"),
                    parameters instanceof JsonObject schema ? schema.toString()
                            : "{\"type\":\"object\",\"properties\":{}}",
                    Fields.bool(tool, "strict", param + ".strict")));
        }
        return tools;
    }

    static ToolChoice toolChoice(JsonValue value) {
        if (!ResponsesParameters.present(value)) {
            return null;
        }
        if (value instanceof JsonString text) {
            return switch (text.getString()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw new InvalidOpenAiRequest("tool_choice", "tool_choice must be auto, none, required "
                        + "or {\"type\": \"function\", \"name\": ...}");
            };
        }
        if (value instanceof JsonObject choice) {
            String type = Fields.string(choice, "type", "tool_choice.type");
            if ("function".equals(type)) {
                String name = Fields.string(choice, "name", "tool_choice.name");
                if (name == null || name.isBlank()) {
                    throw new InvalidOpenAiRequest("tool_choice.name", "tool_choice must name the function");
                }
                return ToolChoice.function(name);
            }
            throw ResponsesParameters.unsupported("tool_choice.type", "tool_choice of type "
                    + InvalidOpenAiRequest.excerpt(type) + " is not supported by the gateway; use auto, none, "
                    + "required or a function");
        }
        throw new InvalidOpenAiRequest("tool_choice", "tool_choice must be a string or an object");
    }

    /** {@code text.format}; {@code text.verbosity} has no equivalent for the providers behind the gateway. */
    static ResponseFormat textFormat(JsonValue value) {
        if (!ResponsesParameters.present(value)) {
            return null;
        }
        if (!(value instanceof JsonObject text)) {
            throw new InvalidOpenAiRequest("text", "text must be an object");
        }
        for (String name : text.keySet()) {
            if ("verbosity".equals(name)) {
                if (ResponsesParameters.present(text.get(name))) {
                    throw ResponsesParameters.unsupported("text.verbosity", "text.verbosity is not supported by "
                            + "the gateway");
                }
            } else if (!"format".equals(name)) {
                throw new InvalidOpenAiRequest("text." + InvalidOpenAiRequest.excerpt(name),
                        "Unrecognized request argument supplied: text." + InvalidOpenAiRequest.excerpt(name));
            }
        }
        JsonValue formatValue = text.get("format");
        if (!ResponsesParameters.present(formatValue)) {
            return null;
        }
        if (!(formatValue instanceof JsonObject format)) {
            throw new InvalidOpenAiRequest("text.format", "text.format must be an object");
        }
        String type = Fields.string(format, "type", "text.format.type");
        if ("text".equals(type)) {
            return ResponseFormat.TEXT;
        }
        if ("json_object".equals(type)) {
            return ResponseFormat.JSON_OBJECT;
        }
        if ("json_schema".equals(type)) {
            if (!(format.get("schema") instanceof JsonObject schema)) {
                throw new InvalidOpenAiRequest("text.format.schema", "a json_schema format needs schema, an object");
            }
            String name = Fields.string(format, "name", "text.format.name");
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new InvalidOpenAiRequest("text.format.name",
                        "text.format.name must be 1 to 64 letters, digits, '_' or '-'");
            }
            return new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, name, schema.toString(),
                    Fields.bool(format, "strict", "text.format.strict"));
        }
        throw new InvalidOpenAiRequest("text.format.type", "text.format.type must be text, json_object or json_schema");
    }

    /**
     * {@code reasoning.effort} as the request's reasoning. {@code summary} (auto, concise, detailed) is accepted and
     * echoed: the gateway returns whatever reasoning text the upstream gives as the reasoning item's summary, and no
     * provider behind it takes a summary length. {@code generate_summary} is its deprecated name.
     */
    static ReasoningConfig reasoning(JsonValue value) {
        if (!ResponsesParameters.present(value)) {
            return null;
        }
        if (!(value instanceof JsonObject reasoning)) {
            throw new InvalidOpenAiRequest("reasoning", "reasoning must be an object");
        }
        for (String name : reasoning.keySet()) {
            if (!Set.of("effort", "summary", "generate_summary").contains(name)) {
                throw new InvalidOpenAiRequest("reasoning." + InvalidOpenAiRequest.excerpt(name),
                        "Unrecognized request argument supplied: reasoning." + InvalidOpenAiRequest.excerpt(name));
            }
        }
        for (String name : List.of("summary", "generate_summary")) {
            String summary = Fields.string(reasoning, name, "reasoning." + name);
            if (summary != null && !REASONING_SUMMARIES.contains(summary)) {
                throw new InvalidOpenAiRequest("reasoning." + name, "reasoning." + name
                        + " must be auto, concise or detailed");
            }
        }
        String effort = Fields.string(reasoning, "effort", "reasoning.effort");
        if (effort == null) {
            return null;
        }
        if (effort.isBlank()) {
            throw new InvalidOpenAiRequest("reasoning.effort",
                    "reasoning.effort must be none, minimal, low, medium, high or xhigh");
        }
        return ReasoningConfig.effort(effort.strip());
    }
}
