package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
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
 * Reads input items (a request's, and a previous response's input and output) into the gateway's messages.
 *
 * <ul>
 *   <li>{@code message}: role user, system, developer (as system) or assistant; parts {@code input_text},
 *   {@code output_text}, {@code refusal} and {@code input_image} (a URL or data URL; a {@code file_id} cannot be
 *   fetched by the gateway and is refused, as is {@code input_file}).</li>
 *   <li>{@code function_call}: joins the assistant turn just before it (a provider such as Anthropic needs a turn's
 *   text and tool calls together), or starts one.</li>
 *   <li>{@code function_call_output}: a tool result; its output a string or text parts.</li>
 *   <li>{@code reasoning}: kept with the stored items but not sent upstream: it is the model's earlier output, a
 *   summary at most, and unsigned, so no provider could take it back as its own reasoning (the OpenAI door skips
 *   {@code reasoning_content} for the same reason).</li>
 * </ul>
 * Any other item type (built-in tool calls, {@code item_reference}) is refused naming it.
 */
final class ResponsesMessages {

    private static final Pattern DATA_URL = Pattern.compile("data:([\\w.+-]+/[\\w.+-]+);base64,(.+)", Pattern.DOTALL);

    private ResponsesMessages() {
    }

    /** The messages of {@code items}; {@code path} names the array in errors ({@code input}). */
    static List<ChatMessage> of(List<JsonObject> items, String path) {
        List<ChatMessage> messages = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            String param = path + "[" + i + "]";
            String type = Fields.string(item, "type", param + ".type");
            switch (type == null ? "message" : type) {
                case "message" -> messages.add(message(item, param));
                case "function_call" -> addCall(messages, call(item, param));
                case "function_call_output" -> messages.add(output(item, param));
                case "reasoning" -> {
                    // stored and listed, not sent upstream (see the class comment)
                }
                default -> throw ResponsesParameters.unsupported(param + ".type", "input items of type "
                        + InvalidOpenAiRequest.excerpt(type) + " are not supported by the gateway; use message, "
                        + "function_call, function_call_output or reasoning");
            }
        }
        return messages;
    }

    private static ChatMessage message(JsonObject item, String param) {
        String roleName = Fields.string(item, "role", param + ".role");
        if (roleName == null) {
            throw new InvalidOpenAiRequest(param + ".role", "a message item needs a role");
        }
        Role role = switch (roleName) {
            case "user" -> Role.USER;
            case "system", "developer" -> Role.SYSTEM;
            case "assistant" -> Role.ASSISTANT;
            default -> throw new InvalidOpenAiRequest(param + ".role",
                    "role must be user, system, developer or assistant");
        };
        if (!(item.get("content") instanceof JsonArray parts)) {
            throw new InvalidOpenAiRequest(param + ".content", "content must be a string or an array of parts");
        }
        List<ContentPart> content = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String partParam = param + ".content[" + i + "]";
            if (!(parts.get(i) instanceof JsonObject part)) {
                throw new InvalidOpenAiRequest(partParam, "each content part must be an object");
            }
            content.add(part(part, partParam));
        }
        return new ChatMessage(role, content, null, List.of(), null);
    }

    private static ContentPart part(JsonObject part, String param) {
        String type = Fields.string(part, "type", param + ".type");
        if ("input_text".equals(type) || "output_text".equals(type) || "refusal".equals(type)) {
            String field = "refusal".equals(type) ? "refusal" : "text";
            String text = Fields.string(part, field, param + "." + field);
            if (text == null) {
                throw new InvalidOpenAiRequest(param + "." + field, "a " + type + " part needs " + field);
            }
            return new ContentPart.Text(text);
        }
        if ("input_image".equals(type)) {
            if (ResponsesParameters.present(part.get("file_id"))) {
                throw ResponsesParameters.unsupported(param + ".file_id", "the gateway cannot read OpenAI files; "
                        + "send the image as image_url (a URL or a data URL)");
            }
            String url = Fields.string(part, "image_url", param + ".image_url");
            if (url == null) {
                throw new InvalidOpenAiRequest(param + ".image_url", "an input_image part needs image_url");
            }
            Matcher data = DATA_URL.matcher(url);
            if (data.matches()) {
                return new ContentPart.ImageBase64(data.group(1), data.group(2));
            }
            return new ContentPart.ImageUrl(url, Fields.string(part, "detail", param + ".detail"));
        }
        throw ResponsesParameters.unsupported(param + ".type", "content parts of type "
                + InvalidOpenAiRequest.excerpt(type) + " are not supported; use input_text, output_text or "
                + "input_image");
    }

    private static ToolCall call(JsonObject item, String param) {
        String callId = Fields.string(item, "call_id", param + ".call_id");
        String name = Fields.string(item, "name", param + ".name");
        if (callId == null || callId.isBlank() || name == null || name.isBlank()) {
            throw new InvalidOpenAiRequest(param, "a function_call item needs call_id and name");
        }
        return new ToolCall(callId, name, Fields.string(item, "arguments", param + ".arguments"));
    }

    private static void addCall(List<ChatMessage> messages, ToolCall call) {
        int last = messages.size() - 1;
        if (last >= 0 && messages.get(last).role() == Role.ASSISTANT) {
            ChatMessage turn = messages.get(last);
            List<ToolCall> calls = new ArrayList<>(turn.toolCalls());
            calls.add(call);
            messages.set(last, new ChatMessage(Role.ASSISTANT, turn.content(), turn.name(), calls, null));
            return;
        }
        messages.add(ChatMessage.assistantToolCalls(List.of(call)));
    }

    private static ChatMessage output(JsonObject item, String param) {
        String callId = Fields.string(item, "call_id", param + ".call_id");
        if (callId == null || callId.isBlank()) {
            throw new InvalidOpenAiRequest(param + ".call_id", "a function_call_output item needs call_id");
        }
        JsonValue output = item.get("output");
        if (output instanceof JsonString text) {
            return ChatMessage.toolResult(callId, text.getString());
        }
        if (output instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                String partParam = param + ".output[" + i + "]";
                if (!(parts.get(i) instanceof JsonObject part) || !"input_text".equals(Fields.string(part, "type",
                        partParam + ".type"))) {
                    throw ResponsesParameters.unsupported(partParam, "a function_call_output's output may hold "
                            + "input_text parts only");
                }
                text.append(part.getString("text", ""));
            }
            return ChatMessage.toolResult(callId, text.toString());
        }
        throw new InvalidOpenAiRequest(param + ".output", "output must be a string or an array of input_text parts");
    }
}
