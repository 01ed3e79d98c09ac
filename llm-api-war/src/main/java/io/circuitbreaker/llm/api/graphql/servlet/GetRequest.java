package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.servlet.QueryLexer.Definition;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringReader;
import java.util.List;

/**
 * A GraphQL request sent as {@code GET /graphql?query=...&variables=...&operationName=...} (GraphQL over HTTP): a
 * query, never a mutation, since a GET must change nothing and may be repeated by caches and crawlers. The engine's
 * own GET support is not used: it is off unless {@code mp.graphql.allowGet} is set, it URL-decodes the already
 * decoded parameters a second time (a {@code +} in a string becomes a space, a {@code %} fails) and it ignores
 * {@code operationName}. The request is handed to the engine as the equivalent JSON POST instead.
 */
final class GetRequest {

    private GetRequest() {
    }

    static RequestAdmission admit(HttpServletRequest request, RequestLimits limits) {
        String query = request.getParameter("query");
        if (query == null || query.isBlank()) {
            return refused(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", "A GET to /graphql needs a query "
                    + "parameter: /graphql?query={...}&variables={...}&operationName=...");
        }
        var tooComplex = QueryComplexity.check(query, limits);
        if (tooComplex.isPresent()) {
            return new RequestAdmission(null, tooComplex.get(), null);
        }
        JsonObjectBuilder envelope = Json.createObjectBuilder().add("query", query);
        String variables = request.getParameter("variables");
        if (variables != null && !variables.isBlank()) {
            JsonObject parsed = jsonObject(variables);
            if (parsed == null) {
                return refused(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST",
                        "The variables parameter must be a JSON object, URL-encoded.");
            }
            envelope.add("variables", parsed);
        }
        String operationName = request.getParameter("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            envelope.add("operationName", operationName);
        }
        String operation = operationType(query, operationName);
        if (operation != null && !operation.equals("query")) {
            return refused(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "A " + operation
                    + " changes state and is sent with POST; GET runs queries only.");
        }
        JsonObject built = envelope.build();
        return new RequestAdmission(JsonPost.of(request, built), null, built);
    }

    /**
     * The type of the operation that would run, or {@code null} when none can be picked (no operation of that name,
     * or several operations and no name): the engine refuses those itself, running nothing.
     */
    static String operationType(String query, String operationName) {
        List<Definition> operations = new QueryLexer(query).definitions().stream()
                .filter(d -> d.operation != null).toList();
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0).operation : null;
        }
        return operations.stream().filter(d -> operationName.equals(d.name)).map(d -> d.operation).findFirst()
                .orElse(null);
    }

    private static JsonObject jsonObject(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (RuntimeException e) {
            return null; // malformed, or past the JSON parser's nesting and number limits
        }
    }

    private static RequestAdmission refused(int status, String code, String message) {
        return new RequestAdmission(null, new GraphQLFailure(status, code, message), null);
    }
}
