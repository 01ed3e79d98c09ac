package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringReader;
import java.util.Optional;

/**
 * Checks the JSON envelope of a GraphQL POST ({@code {"query": "...", "variables": {...}, "operationName": "..."}})
 * before the GraphQL engine sees it: the engine answers a malformed envelope with a container error page.
 */
final class RequestEnvelope {

    private RequestEnvelope() {
    }

    /**
     * A checked envelope: a well-formed one, or the failure to answer with.
     *
     * @param envelope the envelope, {@code null} when it is malformed
     * @param failure  why the envelope is malformed, {@code null} when it is well formed
     */
    record Checked(JsonObject envelope, GraphQLFailure failure) {

        /** The {@code query} string, {@code null} when the envelope is malformed. */
        String query() {
            return envelope == null ? null : envelope.getString("query");
        }
    }

    /** The failure to answer with, or empty when the envelope is well formed. */
    static Optional<GraphQLFailure> check(String body) {
        return Optional.ofNullable(read(body).failure());
    }

    static Checked read(String body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            return bad("The request body is not valid JSON. Send {\"query\": \"...\", \"variables\": {...}}.");
        } catch (RuntimeException e) {
            // Parsson's nesting (1000) and number length (1100) limits are not JsonExceptions
            return bad("The request body is not valid JSON or exceeds the JSON parser's limits (nesting depth, "
                    + "number length).");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return bad("The request body must be a JSON object with a \"query\" string.");
        }
        JsonObject envelope = value.asJsonObject();
        if (!isType(envelope, "query", JsonValue.ValueType.STRING)) {
            return bad("The request body must have a \"query\" string.");
        }
        if (!isAbsentNullOr(envelope, "variables", JsonValue.ValueType.OBJECT)) {
            return bad("\"variables\" must be a JSON object.");
        }
        if (!isAbsentNullOr(envelope, "operationName", JsonValue.ValueType.STRING)) {
            return bad("\"operationName\" must be a string.");
        }
        return new Checked(envelope, null);
    }

    private static boolean isType(JsonObject object, String field, JsonValue.ValueType type) {
        JsonValue value = object.get(field);
        return value != null && value.getValueType() == type;
    }

    private static boolean isAbsentNullOr(JsonObject object, String field, JsonValue.ValueType type) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL || value.getValueType() == type;
    }

    private static Checked bad(String message) {
        return new Checked(null, new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", message));
    }
}
