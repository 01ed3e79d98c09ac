package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.execution.UnknownOperationException;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Location;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import jakarta.servlet.ServletException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQLFailureTest {

    private static final Problem FOO = new Problem("Validation error (FieldUndefined@[foo]) : Field 'foo' in type "
            + "'Query' is undefined", "FieldUndefined", List.of(new Location(1, 3)));

    @Test
    void validationErrorsAreAnsweredEachWithItsMessageLocationsAndCode() {
        GraphQLFailure failure = GraphQLFailure.invalid(List.of(FOO, FOO));

        assertEquals(400, failure.status());
        String error = "{\"message\":\"Validation error (FieldUndefined@[foo]) : Field 'foo' in type 'Query' is "
                + "undefined\",\"locations\":[{\"line\":1,\"column\":3}],\"extensions\":{\"code\":\"VALIDATION\","
                + "\"classification\":\"ValidationError\",\"validationErrorType\":\"FieldUndefined\"}}";
        assertEquals("{\"errors\":[" + error + "," + error + "],\"data\":null}", failure.toJson());
        assertEquals("{\"errors\":[" + error + "," + error + "]}", failure.toJson(false),
                "graphql-response+json: a request error has no data entry");
    }

    @Test
    void anOperationNameThatMatchesNoOperationIsTheClientsError() {
        GraphQLFailure failure = GraphQLFailure.classify(new ServletException(
                new UnknownOperationException("Unknown operation named 'x'."))).orElseThrow();
        assertEquals(400, failure.status());
        assertEquals("BAD_REQUEST", failure.code());
        assertTrue(failure.toJson().contains("operationName"));
    }

    @Test
    void aRefusalHasNullDataForApplicationJsonAndNoDataEntryForGraphqlResponseJson() {
        GraphQLFailure failure = new GraphQLFailure(400, "BAD_REQUEST", "no");

        assertEquals("{\"errors\":[{\"message\":\"no\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}],\"data\":null}",
                failure.toJson());
        assertEquals("{\"errors\":[{\"message\":\"no\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}",
                failure.toJson(false));
    }

    @Test
    void unknownFailuresAreLeftToTheContainer() {
        assertTrue(GraphQLFailure.classify(new IllegalStateException("boom")).isEmpty());
    }
}
