package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.execution.UnknownOperationException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class GraphQLFailureTest {

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
