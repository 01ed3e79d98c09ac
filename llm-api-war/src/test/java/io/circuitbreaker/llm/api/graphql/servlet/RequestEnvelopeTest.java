package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestEnvelopeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"query\":\"{ llmProviders { id } }\"}",
        "{\"query\":\"query Q { a }\",\"variables\":null,\"operationName\":\"Q\"}",
        "{\"query\":\"mutation M($input: X!) { m(input: $input) { id } }\",\"variables\":{\"input\":{}}}"
    })
    void acceptsWellFormedEnvelopes(String body) {
        assertTrue(RequestEnvelope.check(body).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{", "null", "[1,2]", "\"query\"", "{}", "{\"query\":null}", "{\"query\":42}",
        "{\"query\":\"{ a }\",\"variables\":[]}", "{\"query\":\"{ a }\",\"variables\":\"x\"}",
        "{\"query\":\"{ a }\",\"operationName\":7}"
    })
    void rejectsMalformedEnvelopesAsBadRequest(String body) {
        GraphQLFailure failure = RequestEnvelope.check(body).orElseThrow();
        assertEquals(400, failure.status());
        assertEquals("BAD_REQUEST", failure.code());
    }

    @Test
    void bodiesPastTheJsonParsersLimitsAreABadRequestToo() {
        // Parsson refuses these with exceptions that are not JsonExceptions
        String deep = "{\"query\":\"{ a }\",\"variables\":{\"v\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
        String longNumber = "{\"query\":\"{ a }\",\"variables\":{\"v\":" + "9".repeat(10_000) + "}}";

        assertEquals("BAD_REQUEST", RequestEnvelope.check(deep).orElseThrow().code());
        assertEquals("BAD_REQUEST", RequestEnvelope.check(longNumber).orElseThrow().code());
    }

    @Test
    void aWellFormedEnvelopeGivesItsQuery() {
        assertEquals("{ a }", RequestEnvelope.read("{\"query\":\"{ a }\"}").query());
    }
}
