package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenAI's {@code messages} array: roles, text and image parts, assistant tool calls and tool results.
 *
 * <p>An assistant turn's {@code reasoning_content} (which clients of vLLM, DeepSeek and LiteLLM may echo back with the
 * rest of the message) is not read: it is the model's earlier output, not an instruction, DeepSeek documents that it
 * must not be sent back, and unsigned it is no use to the one provider that takes reasoning back (Anthropic).
 */
final class OpenAiMessageParser {

    private static final Pattern DATA_URL = Pattern.compile("data:([\\w.+-]+/[\\w.+-]+);base64,(.+)", Pattern.DOTALL);

    private OpenAiMessageParser() {
    }

    static List<ChatMessage> messages(JsonValue value, int maxMessages) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidOpenAiRequest("messages", "messages must be a non-empty array");
        }
        if (array.size() > maxMessages) {
            // OpenAI's wording and code for an over-long array
            throw new InvalidOpenAiRequest(400, "array_above_max_length", "messages", "Invalid 'messages': array "
                    + "too long. Expected an array with maximum length " + maxMessages + ", but got an array with "
                    + "length " + array.size() + " instead.");
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject message)) {
                throw new InvalidOpenAiRequest("messages[" + i + "]", "each message must be an object");
            }
            messages.add(message(message, "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonObject json, String param) {
        String roleName = Fields.string(json, "role", param + ".role");
        Role role = role(roleName, param);
        List<ContentPart> content = content(json.get("content"), param + ".content");
        List<ToolCall> toolCalls = role == Role.ASSISTANT ? toolCalls(json.get("tool_calls"), param) : List.of();
        String toolCallId = Fields.string(json, "tool_call_id", param + ".tool_call_id");
        String name = Fields.string(json, "name", param + ".name");
        if ("function".equals(roleName)) {
            // the legacy function role names the function instead of a call id
            toolCallId = name;
        }
        if (role == Role.TOOL && (toolCallId == null || toolCallId.isBlank())) {
            throw new InvalidOpenAiRequest(param + ".tool_call_id", "a tool message needs tool_call_id");
        }
        if (content.isEmpty() && toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new InvalidOpenAiRequest(param + ".content", param + ".content must not be empty");
        }
        return new ChatMessage(role, content, role == Role.TOOL ? null : name, toolCalls,
                role == Role.TOOL ? toolCallId : null);
    }

    private static Role role(String role, String param) {
        if (role == null) {
            throw new InvalidOpenAiRequest(param + ".role", "each message needs a role");
        }
        return switch (role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool", "function" -> Role.TOOL;
            default -> throw new InvalidOpenAiRequest(param + ".role",
                    "role must be system, developer, user, assistant or tool");
        };
    }

    private static List<ContentPart> content(JsonValue value, String param) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value instanceof JsonString text) {
            return text.getString().isEmpty() ? List.of() : List.of(new ContentPart.Text(text.getString()));
        }
        if (!(value instanceof JsonArray parts)) {
            throw new InvalidOpenAiRequest(param, "content must be a string or an array of content parts");
        }
        List<ContentPart> result = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String partParam = param + "[" + i + "]";
            if (!(parts.get(i) instanceof JsonObject part)) {
                throw new InvalidOpenAiRequest(partParam, "each content part must be an object");
            }
            result.add(part(part, partParam));
        }
        return result;
    }

    private static ContentPart part(JsonObject part, String param) {
        String type = Fields.string(part, "type", param + ".type");
        if ("text".equals(type) || "refusal".equals(type)) {
            String field = "text".equals(type) ? "text" : "refusal";
            String text = Fields.string(part, field, param + "." + field);
            if (text == null) {
                throw new InvalidOpenAiRequest(param + ".text", "a text part needs text");
            }
            return new ContentPart.Text(text);
        }
        if ("image_url".equals(type) && part.get("image_url") instanceof JsonObject image
                && image.get("url") instanceof JsonString urlValue) {
            String url = urlValue.getString();
            Matcher data = DATA_URL.matcher(url);
            if (data.matches()) {
                return new ContentPart.ImageBase64(data.group(1), data.group(2));
            }
            return new ContentPart.ImageUrl(url, Fields.string(image, "detail", param + ".image_url.detail"));
        }
        throw new InvalidOpenAiRequest(param + ".type", "content parts of type " + InvalidOpenAiRequest.excerpt(type)
                + " are not supported; use text or image_url");
    }

    private static List<ToolCall> toolCalls(JsonValue value, String param) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidOpenAiRequest(param + ".tool_calls", "tool_calls must be an array");
        }
        List<ToolCall> calls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String callParam = param + ".tool_calls[" + i + "]";
            if (!(array.get(i) instanceof JsonObject call) || !(call.get("id") instanceof JsonString id)
                    || !(call.get("function") instanceof JsonObject function)
                    || !(function.get("name") instanceof JsonString name)) {
                throw new InvalidOpenAiRequest(callParam, "a tool call needs id and function.name");
            }
            String arguments = Fields.string(function, "arguments", callParam + ".function.arguments");
            calls.add(new ToolCall(id.getString(), name.getString(),
                    arguments == null || arguments.isBlank() ? "{}" : arguments));
        }
        return calls;
    }
}
