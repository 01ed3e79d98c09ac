package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @Test
    void syntaxErrorGetsACodeAndIsARequestError() {
        String in = "{\"errors\":[{\"message\":\"Invalid syntax\",\"extensions\":{\"classification\":\"InvalidSyntax\"}}],"
                + "\"data\":null}";
        ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(in);
        assertEquals("{\"errors\":[{\"message\":\"Invalid syntax\",\"extensions\":{\"classification\":\"InvalidSyntax\","
                + "\"code\":\"SYNTAX\"}}],\"data\":null}", coded.json());
        assertTrue(coded.requestError());
    }

    @Test
    void aGraphqlResponseJsonRequestErrorHasNoDataEntryWhileAFieldErrorKeepsItsNullData() {
        String syntax = "{\"errors\":[{\"message\":\"Invalid syntax\",\"extensions\":{\"classification\":"
                + "\"InvalidSyntax\"}}],\"data\":null}";
        String fieldError = "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":null}";

        assertEquals("{\"errors\":[{\"message\":\"Invalid syntax\",\"extensions\":{\"classification\":"
                + "\"InvalidSyntax\",\"code\":\"SYNTAX\"}}]}", ErrorCodes.addMissingCodes(syntax, false).json());
        assertEquals(fieldError, ErrorCodes.addMissingCodes(fieldError, false).json(), "execution began: data stays");
    }

    @Test
    void existingCodesAreKeptAndPartialDataIsNotARequestError() {
        String in = "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":{\"a\":null}}";
        ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(in);
        assertEquals(in, coded.json());
        assertFalse(coded.requestError());
    }

    @Test
    void errorWithoutExtensionsIsInternal() {
        ErrorCodes.Coded coded = ErrorCodes.addMissingCodes("{\"errors\":[{\"message\":\"boom\"}],\"data\":null}");
        assertEquals("{\"errors\":[{\"message\":\"boom\",\"extensions\":{\"code\":\"INTERNAL\"}}],\"data\":null}",
                coded.json());
    }

    @Test
    void answersWithoutErrorsAreUntouched() {
        String in = "{\"data\":{\"llmProviders\":[]}}";
        assertEquals(in, ErrorCodes.addMissingCodes(in).json());
    }

    @Test
    void codePrefixOfAGatewayErrorMovesIntoExtensions() {
        String in = "{\"errors\":[{\"message\":\"[NOT_FOUND] unknown model \\\"gpt-9\\\"\","
                + "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"chatCompletion\"],"
                + "\"extensions\":{\"exception\":\"io.circuitbreaker.llm.api.graphql.GatewayGraphQLException\","
                + "\"classification\":\"DataFetchingException\"}}],\"data\":null}";

        ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(in);
        JsonObject error = firstError(coded.json());

        assertEquals("unknown model \"gpt-9\"", error.getString("message"));
        assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"));
        assertFalse(error.getJsonObject("extensions").containsKey("exception"));
        assertEquals("DataFetchingException", error.getJsonObject("extensions").getString("classification"));
        assertEquals("chatCompletion", error.getJsonArray("path").getString(0));
        assertFalse(coded.json().contains("GatewayGraphQLException"));
        assertFalse(coded.requestError(), "a failed field is not a request error");
    }

    @Test
    void engineRuntimeCodeBecomesInternalWithoutTheExceptionClass() {
        String in = "{\"errors\":[{\"message\":\"System error\",\"path\":[\"llmProviders\"],"
                + "\"extensions\":{\"exception\":\"java.lang.NullPointerException\","
                + "\"classification\":\"DataFetchingException\",\"code\":\"runtime\"}}],\"data\":null}";

        ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(in);
        JsonObject error = firstError(coded.json());

        assertEquals("System error", error.getString("message"));
        assertEquals("INTERNAL", error.getJsonObject("extensions").getString("code"));
        assertFalse(error.getJsonObject("extensions").containsKey("exception"));
        assertFalse(coded.json().contains("NullPointerException"));
    }

    private static JsonObject firstError(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject().getJsonArray("errors").getJsonObject(0);
        }
    }
}
