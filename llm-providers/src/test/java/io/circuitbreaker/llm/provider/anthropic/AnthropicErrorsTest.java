package io.circuitbreaker.llm.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.testing.Fixtures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error mapper alone: what it reads from each recorded Anthropic error body. */
class AnthropicErrorsTest {

    private final AnthropicErrors errors = new AnthropicErrors();

    private LlmProviderException map(int status, String fixture, Map<String, String> headers) {
        return errors.map(status, headers::get, Fixtures.read("anthropic/" + fixture));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "400 | error-400-invalid-request.json | invalid_request_error | messages.0: Input does not match the expected shape.",
        "400 | error-400-prompt-too-long.json | invalid_request_error | prompt is too long: 200021 tokens > 200000 maximum (request_id req_011CXWpoBZy2CUmvvTEFsZ4A)",
        "401 | error-401-authentication.json  | authentication_error  | invalid x-api-key (request_id req_011CWdMEehrhsdujMyQ9pChP)",
        "404 | error-404-not-found.json       | not_found_error       | model: this-model-does-not-exist-12345 (request_id req_011CWbzicpaYMyAiiXobLkzi)",
        "529 | error-529-overloaded.json      | overloaded_error      | Overloaded",
        "503 | error-503-upstream-connect-error.txt | null | non-JSON error body: upstream connect error or disconnect/reset before headers. reset reason: connection termination"})
    void recordedBodies(int status, String fixture, String code, String message) {
        LlmProviderException e = map(status, fixture, Map.of());

        assertEquals(code, e.providerCode());
        assertEquals("anthropic answered HTTP " + status + ": " + message, e.getMessage());
        assertEquals(status, e.httpStatus());
        Class<?> expected = switch (fixture) {
            case "error-400-invalid-request.json" -> InvalidRequestException.class;
            case "error-400-prompt-too-long.json" -> ContextLengthExceededException.class;
            case "error-401-authentication.json" -> AuthenticationException.class;
            case "error-404-not-found.json" -> ModelNotFoundException.class;
            default -> ProviderUnavailableException.class;
        };
        assertInstanceOf(expected, e);
    }

    @Test
    void requestIdHeaderIsUsedWhenTheBodyHasNone() {
        LlmProviderException e = map(400, "error-400-invalid-request.json",
                Map.of("request-id", "req_01BjwuzUpsYgKjQJguJyvKb3"));

        assertEquals("anthropic answered HTTP 400: messages.0: Input does not match the expected shape. "
                + "(request_id req_01BjwuzUpsYgKjQJguJyvKb3)", e.getMessage());
    }

    @Test
    void recordedRateLimitWithRetryAfter() {
        RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                map(429, "error-429-rate-limit.json", Map.of("retry-after", "8", "content-type",
                        "application/json")));

        assertEquals("rate_limit_error", e.providerCode());
        assertEquals(Optional.of(Duration.ofSeconds(8)), e.retryAfter());
    }

    @Test
    void overloadedTypeWinsOverAPlain5xxStatus() {
        LlmProviderException e = map(500, "error-529-overloaded.json", Map.of());

        assertEquals(io.circuitbreaker.llm.error.ErrorKind.OVERLOADED, e.kind());
        assertEquals(500, e.httpStatus());
    }

    @Test
    void emptyAndForeignJsonBodiesStillMapByStatus() {
        assertEquals("anthropic answered HTTP 502: no error message",
                errors.map(502, name -> null, "").getMessage());
        assertEquals("anthropic answered HTTP 400: unrecognised error body: {\"message\":\"bad\"}",
                errors.map(400, name -> null, "{\"message\":\"bad\"}").getMessage());
    }

    @Test
    void healthSummaryIsShort() {
        assertEquals("HTTP 401: invalid x-api-key",
                AnthropicErrors.summary(401, Fixtures.read("anthropic/error-401-authentication.json")));
        assertEquals("HTTP 503: non-JSON error body: upstream connect error or disconnect/reset before headers. "
                + "reset reason: connection termination",
                AnthropicErrors.summary(503, Fixtures.read("anthropic/error-503-upstream-connect-error.txt")));
        assertEquals("HTTP 500", AnthropicErrors.summary(500, ""));
    }
}
