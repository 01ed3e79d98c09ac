package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
