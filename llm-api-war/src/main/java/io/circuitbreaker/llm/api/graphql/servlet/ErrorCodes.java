package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Gives every error in a GraphQL answer an {@code extensions.code}, the one field clients can switch on. The engine
 * marks its own request errors only with a {@code classification}; those are mapped here.
 */
final class ErrorCodes {

    private static final Map<String, String> CODE_BY_CLASSIFICATION = Map.of(
            "InvalidSyntax", "SYNTAX",
            "ValidationError", "VALIDATION",
            "OperationNotSupported", "BAD_REQUEST");

    private ErrorCodes() {
    }

    /** The result of adding the missing codes, and whether the answer is a request error (no data at all). */
    record Coded(String json, boolean requestError) {
    }

    static Coded addMissingCodes(String json) {
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            answer = reader.readObject();
        }
        if (!answer.containsKey("errors") || answer.get("errors").getValueType() != JsonValue.ValueType.ARRAY) {
            return new Coded(json, false);
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        boolean requestError = false;
        for (JsonValue value : answer.getJsonArray("errors")) {
            JsonObject error = value.asJsonObject();
            JsonObject extensions = error.containsKey("extensions") ? error.getJsonObject("extensions")
                    : JsonValue.EMPTY_JSON_OBJECT;
            String classification = extensions.getString("classification", "");
            requestError |= CODE_BY_CLASSIFICATION.containsKey(classification);
            if (extensions.containsKey("code")) {
                errors.add(error);
                continue;
            }
            String code = CODE_BY_CLASSIFICATION.getOrDefault(classification, "INTERNAL");
            JsonObjectBuilder coded = Json.createObjectBuilder(error)
                    .add("extensions", Json.createObjectBuilder(extensions).add("code", code));
            errors.add(coded);
        }
        JsonObject rewritten = Json.createObjectBuilder(answer).add("errors", errors).build();
        boolean noData = !answer.containsKey("data") || answer.isNull("data");
        return new Coded(rewritten.toString(), requestError && noData);
    }
}
