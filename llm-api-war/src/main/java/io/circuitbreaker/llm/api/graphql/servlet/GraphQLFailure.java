package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.liberty.LibertyGraphQL;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Location;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;

/**
 * Turns a failure that escaped the GraphQL servlet into a GraphQL error document with a code, so clients never see
 * a container error page or a Java stack trace.
 *
 * @param status   the HTTP status to answer with
 * @param code     the value of {@code extensions.code}
 * @param message  a message for the client, free of internals
 * @param problems the engine's validation errors, each answered as an error of its own; none for the other failures
 */
record GraphQLFailure(int status, String code, String message, List<Problem> problems) {

    GraphQLFailure(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** A query that does not match the schema, answered with graphql-java's own words for what is wrong. */
    static GraphQLFailure invalid(List<Problem> problems) {
        return new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "VALIDATION", problems.get(0).message(),
                List.copyOf(problems));
    }

    /** A query that does not parse, answered with graphql-java's words and the place of the offending token. */
    static GraphQLFailure syntax(Problem problem) {
        return new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "SYNTAX", problem.message(), List.of(problem));
    }

    /** graphql-java's class, matched by name: the engine's classes are the server's, not on this module's path. */
    static final String UNKNOWN_OPERATION = "graphql.execution.UnknownOperationException";

    /**
     * Why the validation case exists: in Open Liberty 26.0.0.3 the GraphQL engine and its error formatter disagree on
     * a method signature, so every query that fails schema validation (unknown field, wrong argument type, missing
     * required argument) surfaces as a {@link NoSuchMethodError} from the error formatter instead of an error list
     * (recognised by {@link LibertyGraphQL#isValidationFormatterFailure}).
     * {@link QueryValidation} answers such queries before the engine sees them, with the engine's own messages. This
     * generic answer remains for what that cannot see: SmallRye's number scalars accept any string while the query is
     * validated and fail to convert it while it runs ({@code "contextWindow": "big"}), reported as a validation error
     * the formatter cannot write either; and a container that keeps its schema elsewhere.
     */
    static Optional<GraphQLFailure> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonException) {
                return Optional.of(new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST",
                        "The request body is not valid JSON. Send {\"query\": \"...\", \"variables\": {...}}."));
            }
            if (UNKNOWN_OPERATION.equals(t.getClass().getName())) {
                // the engine throws instead of answering with an error when operationName matches no operation
                return Optional.of(new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST",
                        "operationName names no operation of the query; send the name of one of its operations, or "
                                + "leave operationName out for a query with a single operation."));
            }
            if (LibertyGraphQL.isValidationFormatterFailure(t)) {
                return Optional.of(new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "VALIDATION",
                        "The request does not match the schema: a value cannot be converted to its type (for "
                                + "example text where a number belongs), or a field or argument is unknown or "
                                + "missing. Check it against the schema at /graphql/schema.graphql."));
            }
        }
        return Optional.empty();
    }

    /** The error in the GraphQL response shape: {@code {"errors":[{"message":..,"extensions":{"code":..}}]}}. */
    String toJson() {
        return toJson(true);
    }

    /**
     * The errors, with {@code "data": null} or without a data entry: application/json answers have always carried
     * it, while a graphql-response+json answer to a request error must not (the GraphQL specification leaves data out
     * when an error is raised before execution).
     */
    String toJson(boolean withNullData) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        if (problems.isEmpty()) {
            errors.add(Json.createObjectBuilder().add("message", message)
                    .add("extensions", Json.createObjectBuilder().add("code", code)));
        }
        for (Problem problem : problems) {
            errors.add(error(problem));
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("errors", errors);
        if (withNullData) {
            answer.add("data", JsonValue.NULL);
        }
        return answer.build().toString();
    }

    private JsonObjectBuilder error(Problem problem) {
        JsonArrayBuilder locations = Json.createArrayBuilder();
        for (Location location : problem.locations()) {
            locations.add(Json.createObjectBuilder().add("line", location.line()).add("column", location.column()));
        }
        JsonObjectBuilder extensions = Json.createObjectBuilder().add("code", code);
        if (problem.type().equals(GraphQLEngine.INVALID_SYNTAX)) {
            extensions.add("classification", GraphQLEngine.INVALID_SYNTAX);
        } else {
            extensions.add("classification", "ValidationError").add("validationErrorType", problem.type());
        }
        return Json.createObjectBuilder()
                .add("message", problem.message())
                .add("locations", locations)
                .add("extensions", extensions);
    }
}
