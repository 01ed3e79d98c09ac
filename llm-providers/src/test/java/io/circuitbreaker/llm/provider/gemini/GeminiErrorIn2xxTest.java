package io.circuitbreaker.llm.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Google error object inside a 2xx answer is typed as the same error with its proper status (issue #16, item 7). */
class GeminiErrorIn2xxTest {

    @ParameterizedTest
    @CsvSource({
        "UNAUTHENTICATED, 401, AUTHENTICATION",
        "PERMISSION_DENIED, 403, AUTHENTICATION",
        "RESOURCE_EXHAUSTED, 429, RATE_LIMITED",
        "UNAVAILABLE, 503, UNAVAILABLE",
        "INTERNAL, 500, UNAVAILABLE",
        "NOT_FOUND, 404, MODEL_NOT_FOUND",
        "INVALID_ARGUMENT, 400, INVALID_REQUEST"})
    void statusNameWithoutACodeStandsForItsHttpStatus(String name, int status, ErrorKind kind) {
        String body = "{\"error\":{\"message\":\"failed\",\"status\":\"" + name + "\"}}";
        LlmProviderException withStatus = new GeminiErrors().map(status, header -> null, body);
        LlmProviderException in200 = GeminiErrors.fromError(GeminiErrors.parse(body), 200, header -> null);

        assertEquals(kind, withStatus.kind());
        assertEquals(kind, in200.kind(), in200.getMessage());
        assertEquals(status, in200.httpStatus());
    }

    @ParameterizedTest
    @CsvSource({"401, AUTHENTICATION", "429, RATE_LIMITED", "500, UNAVAILABLE"})
    void numericCodeInA200Counts(int code, ErrorKind kind) {
        String body = "{\"error\":{\"code\":" + code + ",\"message\":\"failed\"}}";
        assertEquals(kind, GeminiErrors.fromError(GeminiErrors.parse(body), 200, header -> null).kind());
        assertEquals(kind, assertThrows(LlmProviderException.class,
                () -> GeminiMapper.fromJson(body)).kind());
    }
}
