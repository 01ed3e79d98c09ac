package io.circuitbreaker.llm.responses;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a stored response's input items, as {@code GET /v1/responses/{id}/input_items} lists them: at most
 * {@code limit} items after the item {@code after}, oldest first ({@code asc}) or newest first ({@code desc}, OpenAI's
 * default).
 *
 * @param data    the page's items
 * @param hasMore whether items follow the page in this order
 */
public record InputItemPage(List<JsonObject> data, boolean hasMore) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public InputItemPage {
        data = List.copyOf(data);
    }

    /**
     * The page of {@code items} (a stored input array, every item an object with an id).
     *
     * @throws IllegalArgumentException when {@code limit} is outside 1 to 100 or {@code after} is not one of the items
     */
    public static InputItemPage of(JsonArray items, int limit, boolean ascending, String after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        List<JsonObject> ordered = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            ordered.add(item.asJsonObject());
        }
        if (!ascending) {
            java.util.Collections.reverse(ordered);
        }
        int start = 0;
        if (after != null) {
            start = indexOf(ordered, after) + 1;
            if (start == 0) {
                throw new IllegalArgumentException("after must be the id of one of the response's input items");
            }
        }
        int end = Math.min(ordered.size(), start + limit);
        return new InputItemPage(ordered.subList(start, end), end < ordered.size());
    }

    /** The first item's id, {@code null} for an empty page. */
    public String firstId() {
        return data.isEmpty() ? null : id(data.get(0));
    }

    /** The last item's id, {@code null} for an empty page. */
    public String lastId() {
        return data.isEmpty() ? null : id(data.get(data.size() - 1));
    }

    private static int indexOf(List<JsonObject> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(id(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String id(JsonObject item) {
        return item.get("id") instanceof JsonString id ? id.getString() : null;
    }
}
