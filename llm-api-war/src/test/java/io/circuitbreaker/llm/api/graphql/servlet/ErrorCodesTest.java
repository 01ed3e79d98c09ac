package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
