package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every error in a GraphQL answer an {@code extensions.code}, the one field clients can switch on. The engine
 * marks its own request errors only with a {@code classification}; those are mapped here. The gateway's own errors
 * carry their code as a {@code [CODE] } message prefix (see {@code GatewayGraphQLException}); it is moved into
 * {@code extensions.code} here, and the Java class name the engine adds as {@code extensions.exception} is dropped.
 */
final class ErrorCodes {

    private static final Map<String, String> CODE_BY_CLASSIFICATION = Map.of(
            "InvalidSyntax", "SYNTAX",
            "ValidationError", "VALIDATION",
            "OperationNotSupported", "BAD_REQUEST");

    private static final Pattern CODED_MESSAGE = Pattern.compile("(?s)\\[([A-Z][A-Z_]*)] (.*)");

    private ErrorCodes() {
    }

    /** The result of adding the missing codes, and whether the answer is a request error (no data at all). */
    record Coded(String json, boolean requestError) {
    }

    static Coded addMissingCodes(String json) {
        return addMissingCodes(json, true);
    }

    /**
     * @param keepNullData whether a request error keeps its {@code "data": null}: application/json answers always
     *                     have; graphql-response+json ones must not have a data entry (GraphQL over HTTP)
     */
    static Coded addMissingCodes(String json, boolean keepNullData) {
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
            Matcher prefixed = CODED_MESSAGE.matcher(error.getString("message", ""));
            if (prefixed.matches()) {
                JsonObjectBuilder ext = Json.createObjectBuilder(extensions).add("code", prefixed.group(1));
                ext.remove("exception");
                errors.add(Json.createObjectBuilder(error).add("message", prefixed.group(2)).add("extensions", ext));
                continue;
            }
            if (extensions.containsKey("code") && isGatewayCode(extensions.getString("code", ""))) {
                errors.add(error);
                continue;
            }
            String code = CODE_BY_CLASSIFICATION.getOrDefault(classification, "INTERNAL");
            // the engine's own codes ("runtime", exception class names) say nothing a client can act on
            JsonObjectBuilder ext = Json.createObjectBuilder(extensions).add("code", code);
            ext.remove("exception");
            JsonObjectBuilder coded = Json.createObjectBuilder(error).add("extensions", ext);
            errors.add(coded);
        }
        JsonObjectBuilder rewritten = Json.createObjectBuilder(answer).add("errors", errors);
        boolean noData = !answer.containsKey("data") || answer.isNull("data");
        if (requestError && noData && !keepNullData) {
            rewritten.remove("data");
        }
        return new Coded(rewritten.build().toString(), requestError && noData);
    }

    private static boolean isGatewayCode(String code) {
        return code.matches("[A-Z][A-Z_]*");
    }
}
