package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code input} as the list of input items the gateway stores and shows under {@code input_items}: a
 * string becomes one user message; each item gets an id when it has none and a message's string content becomes
 * one text part, as OpenAI lists them. The items are then read into messages by {@link ResponsesMessages}.
 */
final class ResponsesInput {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ResponsesInput() {
    }

    static List<JsonObject> items(JsonValue input, int maxItems) {
        if (input instanceof JsonString text) {
            return List.of(message("user", JSON.createArrayBuilder().add(part("input_text", text.getString()))
                    .build(), null));
        }
        if (!(input instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidOpenAiRequest("input", "input must be a string or a non-empty array of input items");
        }
        if (array.size() > maxItems) {
            throw new InvalidOpenAiRequest(400, "array_above_max_length", "input", "Invalid 'input': array too "
                    + "long. Expected an array with maximum length " + maxItems + ", but got an array with length "
                    + array.size() + " instead.");
        }
        List<JsonObject> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject item)) {
                throw new InvalidOpenAiRequest("input[" + i + "]", "each input item must be an object");
            }
            items.add(normalize(item, "input[" + i + "]"));
        }
        return items;
    }

    private static JsonObject normalize(JsonObject item, String param) {
        String type = Fields.string(item, "type", param + ".type");
        if (type == null || "message".equals(type)) {
            String role = Fields.string(item, "role", param + ".role");
            JsonValue content = item.get("content");
            if (content instanceof JsonString text) {
                content = JSON.createArrayBuilder().add(part("assistant".equals(role) ? "output_text" : "input_text",
                        text.getString())).build();
            }
            JsonObjectBuilder normalized = JSON.createObjectBuilder(item).add("type", "message");
            if (content != null) {
                normalized.add("content", content);
            }
            return withId(normalized.build(), "msg_");
        }
        String prefix = switch (type) {
            case "function_call" -> "fc_";
            case "function_call_output" -> "fco_";
            case "reasoning" -> "rs_";
            default -> "item_";
        };
        return withId(item, prefix);
    }

    private static JsonObject message(String role, JsonArray content, String id) {
        return JSON.createObjectBuilder().add("type", "message").add("id", id == null ? ResponseIds.item("msg_") : id)
                .add("role", role).add("content", content).build();
    }

    private static JsonObject part(String type, String text) {
        return JSON.createObjectBuilder().add("type", type).add("text", text).build();
    }

    private static JsonObject withId(JsonObject item, String prefix) {
        if (item.get("id") instanceof JsonString) {
            return item;
        }
        return JSON.createObjectBuilder(item).add("id", ResponseIds.item(prefix)).build();
    }
}
