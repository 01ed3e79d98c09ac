package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Location;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code __Type.isOneOf} for an engine that predates it. Why: graphql-js's
 * {@code getIntrospectionQuery({oneOf: true})}, which current GraphiQL sends, selects {@code isOneOf} on every type,
 * and the graphql-java inside Liberty 26.0.0.3 (20.x) refuses the field, so the IDE could not load the schema.
 *
 * <p>How: the engine's validation reports each such selection with its place in the query. Each one is rewritten to
 * {@code isOneOf: __typename}, which is valid on any type and keeps the response key, and in the answer each value
 * {@code "__Type"} under such a key becomes {@code false}: the gateway declares no {@code @oneOf} input object. A
 * query with any other validation error is left alone, and refused for all its errors.
 */
final class OneOfIntrospection {

    /** graphql-java's words (in English) for the one validation error repaired here. */
    private static final String UNDEFINED = "Field 'isOneOf' in type '__Type' is undefined";
    private static final String FIELD = "isOneOf";
    private static final String STAND_IN = "__typename";

    private OneOfIntrospection() {
    }

    /**
     * A query rewritten to run on the engine.
     *
     * @param query the query to hand to the engine
     * @param keys  the response keys (the field name or its aliases) whose {@code "__Type"} values mean {@code false}
     */
    record Rewrite(String query, Set<String> keys) {
    }

    private record Edit(int start, int end, String replacement, String key) {
    }

    /** The rewritten query, or empty when {@code problems} are not all about {@code isOneOf} on {@code __Type}. */
    static Optional<Rewrite> rewrite(String query, List<Problem> problems) {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>();
        for (Problem problem : problems) {
            if (!problem.message().endsWith(UNDEFINED) || problem.locations().size() != 1) {
                return Optional.empty();
            }
            Edit edit = edit(query, offset(query, problem.locations().get(0)));
            if (edit == null) {
                return Optional.empty();
            }
            if (edits.stream().noneMatch(e -> e.start() == edit.start())) {
                edits.add(edit);
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed()); // from the end, so earlier offsets stay put
        StringBuilder rewritten = new StringBuilder(query);
        Set<String> keys = new HashSet<>();
        for (Edit edit : edits) {
            rewritten.replace(edit.start(), edit.end(), edit.replacement());
            keys.add(edit.key());
        }
        return Optional.of(new Rewrite(rewritten.toString(), Set.copyOf(keys)));
    }

    /** The answer with {@code false} for each {@code "__Type"} under one of {@code keys} in its data. */
    static String answer(String json, Set<String> keys) {
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            answer = reader.readObject();
        }
        if (!(answer.get("data") instanceof JsonObject data)) {
            return json;
        }
        return Json.createObjectBuilder(answer).add("data", replace(data, keys)).build().toString();
    }

    private static JsonValue replace(JsonValue value, Set<String> keys) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder replaced = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                boolean standIn = keys.contains(entry.getKey()) && entry.getValue() instanceof JsonString s
                        && s.getString().equals("__Type");
                replaced.add(entry.getKey(), standIn ? JsonValue.FALSE : replace(entry.getValue(), keys));
            }
            return replaced.build();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder replaced = Json.createArrayBuilder();
            value.asJsonArray().forEach(item -> replaced.add(replace(item, keys)));
            return replaced.build();
        }
        return value;
    }

    /** The field at {@code offset}, {@code isOneOf} or {@code alias: isOneOf}, as an edit; {@code null} if neither. */
    private static Edit edit(String query, int offset) {
        if (offset < 0) {
            return null;
        }
        int end = nameEnd(query, offset);
        String name = query.substring(offset, end);
        int next = skipIgnored(query, end);
        if (next < query.length() && query.charAt(next) == ':') {
            int field = skipIgnored(query, next + 1);
            int fieldEnd = nameEnd(query, field);
            return query.substring(field, fieldEnd).equals(FIELD) ? new Edit(field, fieldEnd, STAND_IN, name) : null;
        }
        return name.equals(FIELD) ? new Edit(offset, end, FIELD + ": " + STAND_IN, FIELD) : null;
    }

    /**
     * Where graphql-java's line and column point in the text: lines end at {@code \n} only and columns count code
     * points, as its ANTLR lexer counts them; -1 past the end.
     */
    static int offset(String query, Location location) {
        int at = 0;
        for (int line = 1; line < location.line(); line++) {
            at = query.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        for (int column = 1; column < location.column() && at < query.length(); column++) {
            at += Character.charCount(query.codePointAt(at));
        }
        return at < query.length() ? at : -1;
    }

    private static int nameEnd(String text, int at) {
        int end = at;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')
                && text.charAt(end) < 128) {
            end++;
        }
        return end;
    }

    /** Past white space, commas and comments, which GraphQL ignores between tokens. */
    private static int skipIgnored(String text, int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
                at++;
            } else {
                return at;
            }
        }
        return at;
    }
}
