package io.circuitbreaker.llm.api.openai;

import static io.circuitbreaker.llm.api.openai.OpenAiResponseWriterTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.error.UpstreamErrors;
import io.circuitbreaker.llm.router.NoCandidateException;
import io.circuitbreaker.llm.router.RoutingFailedException;
import io.circuitbreaker.llm.routing.UnknownModelException;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which HTTP status and OpenAI error ({@code {"error": {message, type, param, code}}}) each failure becomes. */
class OpenAiErrorMapperTest {

    /** Built at run time so no key-looking literal sits in the sources. */
    private static final String KEY_LIKE = "sk-" + "abcdefghijkl".repeat(2);

    /** status, type, code and param of each upstream error kind; a new kind fails until it is listed here. */
    private static final Map<ErrorKind, Expected> UPSTREAM = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorKind.RATE_LIMITED, new Expected(429, "rate_limit_error", "rate_limit_exceeded", null)),
            // OpenAI's own shape, so the caller's SDK sees the same code it would from OpenAI (and does not wait)
            Map.entry(ErrorKind.QUOTA_EXHAUSTED, new Expected(429, "insufficient_quota", "insufficient_quota", null)),
            Map.entry(ErrorKind.MODEL_NOT_FOUND, new Expected(404, "invalid_request_error", "model_not_found",
                    "model")),
            Map.entry(ErrorKind.CONTEXT_LENGTH_EXCEEDED, new Expected(400, "invalid_request_error",
                    "context_length_exceeded", "messages")),
            Map.entry(ErrorKind.INVALID_REQUEST, new Expected(400, "invalid_request_error", null, null)),
            Map.entry(ErrorKind.CONTENT_FILTERED, new Expected(400, "invalid_request_error", "content_filter", null)),
            Map.entry(ErrorKind.TIMEOUT, new Expected(504, "api_error", "upstream_timeout", null)),
            Map.entry(ErrorKind.OVERLOADED, new Expected(503, "service_unavailable", "upstream_unavailable", null)),
            Map.entry(ErrorKind.UNAVAILABLE, new Expected(503, "service_unavailable", "upstream_unavailable", null)),
            // the upstream rejected the gateway's key: not the caller's key, so not a 401
            Map.entry(ErrorKind.AUTHENTICATION, new Expected(502, "api_error", "upstream_authentication_failed",
                    null)),
            Map.entry(ErrorKind.CONNECTION, new Expected(502, "api_error", "upstream_error", null)),
            Map.entry(ErrorKind.MALFORMED_RESPONSE, new Expected(502, "api_error", "upstream_error", null)),
            Map.entry(ErrorKind.OTHER, new Expected(502, "api_error", "upstream_error", null))));

    record Expected(int status, String type, String code, String param) {
    }

    // ---- the caller's mistakes ----

    @Test
    void invalidRequestIsA400NamingTheParameter() {
        OpenAiError error = OpenAiErrorMapper.map(
                new InvalidOpenAiRequest("temperature", "temperature must be between 0 and 2"));

        assertEquals(new OpenAiError(400, "invalid_request_error", null, "temperature",
                "temperature must be between 0 and 2", null), error);
    }

    @Test
    void oversizedBodyIsA413RequestTooLarge() {
        OpenAiError error = OpenAiErrorMapper.map(InvalidOpenAiRequest.tooLarge(20 * 1024 * 1024));

        assertEquals(new OpenAiError(413, "invalid_request_error", "request_too_large", null,
                "the request body is larger than the gateway's limit of 20971520 bytes", null), error);
        assertEquals("{\"error\":{\"message\":\"the request body is larger than the gateway's limit of 20971520 "
                + "bytes\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"request_too_large\"}}",
                error.toJson().toString());
    }

    @Test
    void unknownModelIsA404ModelNotFound() {
        OpenAiError error = OpenAiErrorMapper.map(new UnknownModelException("unknown model \"gpt-9\""));

        assertEquals(new OpenAiError(404, "invalid_request_error", "model_not_found", "model",
                "unknown model \"gpt-9\"", null), error);
    }

    @Test
    void onlyOpenBreakersAreA503() {
        NoCandidateException none = new NoCandidateException("smart", List.of(
                "openai/gpt-4o: circuit breaker open", "anthropic/claude-3-5-sonnet-20241022: circuit breaker open"),
                "smart");

        OpenAiError error = OpenAiErrorMapper.map(none);

        assertEquals(503, error.status());
        assertEquals("service_unavailable", error.type());
        assertEquals("upstream_unavailable", error.code());
        assertTrue(error.message().startsWith("no deployment can serve model \"smart\": "), error::message);
    }

    @Test
    void anyOtherSkipReasonIsA400NoCapableModel() {
        NoCandidateException none = new NoCandidateException("smart", List.of(
                "openai/gpt-4o: circuit breaker open", "openai/gpt-4: no vision support for images"), "smart");

        OpenAiError error = OpenAiErrorMapper.map(none);

        assertEquals(new OpenAiError(400, "invalid_request_error", "no_capable_model", "model", none.getMessage(),
                null), error);
    }

    @Test
    void noCandidatesAtAllIsA400NoCapableModel() {
        OpenAiError error = OpenAiErrorMapper.map(new NoCandidateException("gpt-4o", List.of(), null));

        assertEquals(400, error.status());
        assertEquals("no_capable_model", error.code());
    }

    // ---- upstream failures ----

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyUpstreamErrorKindHasItsStatus(ErrorKind kind) {
        OpenAiError error = OpenAiErrorMapper.map(routingFailed("all candidates failed", upstream(kind)));

        Expected expected = UPSTREAM.get(kind);
        assertTrue(expected != null, () -> kind + " is not documented in this test");
        assertEquals(expected, new Expected(error.status(), error.type(), error.code(), error.param()));
        assertEquals("all candidates failed", error.message());
        assertNull(error.retryAfterSeconds());
    }

    /**
     * From the upstream's HTTP status, through the adapters' shared mapping ({@link UpstreamErrors}), to what the
     * caller sees. 5xx and overload are 503, a temporary condition the OpenAI SDKs retry; the README says the same.
     */
    @ParameterizedTest(name = "upstream {0} → {1} {2}")
    @CsvSource({
        "400, 400, invalid_request_error", "413, 400, invalid_request_error", "422, 400, invalid_request_error",
        "401, 502, upstream_authentication_failed", "403, 502, upstream_authentication_failed",
        "404, 404, model_not_found", "408, 504, upstream_timeout", "429, 429, rate_limit_exceeded",
        "500, 503, upstream_unavailable", "502, 503, upstream_unavailable", "503, 503, upstream_unavailable",
        "504, 503, upstream_unavailable", "529, 503, upstream_unavailable", "418, 502, upstream_error"})
    void upstreamHttpStatusBecomesTheGatewaysStatus(int upstreamStatus, int status, String codeOrType) {
        LlmProviderException upstream = UpstreamErrors.fromStatus(ProviderType.ANTHROPIC, upstreamStatus,
                UpstreamErrors.Hints.of(null, "upstream said no"), Optional.empty());

        OpenAiError error = OpenAiErrorMapper.map(routingFailed("all candidates failed", upstream));

        assertEquals(status, error.status());
        assertEquals(codeOrType, error.code() == null ? error.type() : error.code());
    }

    @ParameterizedTest(name = "{0} ms → retry-after {1} s")
    @CsvSource({"30000, 30", "1500, 2", "1001, 2", "1, 1", "0, 1"})
    void rateLimitCarriesRetryAfterInWholeSecondsRoundedUp(long millis, long seconds) {
        RateLimitedException limited = new RateLimitedException(ProviderType.OPENAI, 429, "rate_limit_exceeded",
                "Rate limit reached", Duration.ofMillis(millis));

        OpenAiError error = OpenAiErrorMapper.map(routingFailed("all candidates are rate limited", limited));

        assertEquals(429, error.status());
        assertEquals(seconds, error.retryAfterSeconds());
    }

    @Test
    void overloadedProviderPassesItsRetryAfterOn() {
        ProviderUnavailableException overloaded = new ProviderUnavailableException(ProviderType.ANTHROPIC, 529,
                "overloaded_error", "Overloaded", true, Duration.ofSeconds(5));

        OpenAiError error = OpenAiErrorMapper.map(routingFailed("all candidates failed", overloaded));

        assertEquals(503, error.status());
        assertEquals(5L, error.retryAfterSeconds());
    }

    @Test
    void routingFailureWithoutAnUpstreamErrorIsA503() {
        OpenAiError error = OpenAiErrorMapper.map(routingFailed("no API key for any candidate", null));

        assertEquals(new OpenAiError(503, "service_unavailable", "no_upstream_available", null,
                "no API key for any candidate", null), error);
    }

    @Test
    void streamFailureAfterTheFirstChunkMapsByItsKind() {
        // a stream that already answered ends with the upstream's own error, not a RoutingFailedException
        OpenAiError timeout = OpenAiErrorMapper.map(new ProviderTimeoutException(ProviderType.GOOGLE, 0, null,
                "no chunk for 30 s"));
        OpenAiError limited = OpenAiErrorMapper.map(new RateLimitedException(ProviderType.OPENAI, 429, null,
                "Rate limit reached", Duration.ofMillis(2500)));

        assertEquals(new OpenAiError(504, "api_error", "upstream_timeout", null, "no chunk for 30 s", null),
                timeout);
        assertEquals(new OpenAiError(429, "rate_limit_error", "rate_limit_exceeded", null, "Rate limit reached", 3L),
                limited);
    }

    @Test
    void completionAndExecutionWrappersAreRemoved() {
        UnknownModelException unknown = new UnknownModelException("unknown model \"gpt-9\"");

        assertEquals(404, OpenAiErrorMapper.map(new CompletionException(unknown)).status());
        assertEquals(404, OpenAiErrorMapper.map(new ExecutionException(unknown)).status());
        assertEquals(404, OpenAiErrorMapper.map(new CompletionException(new ExecutionException(unknown))).status());
        assertEquals(400, OpenAiErrorMapper.map(new CompletionException(
                new InvalidOpenAiRequest("n", "n must be 1"))).status());
    }

    @Test
    void anythingElseIsA500SayingNothingOfItsCause() {
        OpenAiError error = OpenAiErrorMapper.map(
                new CompletionException(new IllegalStateException("pool exhausted at db-01")));

        assertEquals(500, error.status());
        assertEquals("api_error", error.type());
        assertEquals("internal_error", error.code());
        assertFalse(error.message().contains("db-01"), error::message);
        assertFalse(error.message().contains("IllegalStateException"), error::message);
        assertEquals(500, OpenAiErrorMapper.map(new NullPointerException()).status());
    }

    // ---- the JSON body ----

    @Test
    void jsonHasExactlyOpenAisFourFieldsWithNulls() {
        OpenAiError error = new OpenAiError(503, "service_unavailable", null, null, "all candidates failed", 5L);

        assertEquals("{\"error\":{\"message\":\"all candidates failed\",\"type\":\"service_unavailable\","
                + "\"param\":null,\"code\":null}}", error.toJson().toString());
    }

    @Test
    void jsonCarriesParamAndCode() {
        OpenAiError error = OpenAiErrorMapper.map(new UnknownModelException("unknown model \"gpt-9\""));

        assertEquals(json("""
                {"error": {"message": "unknown model \\"gpt-9\\"", "type": "invalid_request_error",
                           "param": "model", "code": "model_not_found"}}
                """), error.toJson());
    }

    @Test
    void keyLikeTextInAMessageIsRedacted() {
        OpenAiError error = OpenAiErrorMapper.map(
                routingFailed("openai/gpt-4o rejected key " + KEY_LIKE, upstream(ErrorKind.AUTHENTICATION)));

        assertEquals("openai/gpt-4o rejected key [REDACTED]", error.message());
        assertFalse(error.toJson().toString().contains(KEY_LIKE), () -> error.toJson().toString());
    }

    @Test
    void keyLikeModelNameIsRedacted() {
        OpenAiError error = OpenAiErrorMapper.map(new UnknownModelException("unknown model \"" + KEY_LIKE + "\""));

        assertEquals("unknown model \"[REDACTED]\"", error.message());
    }

    @Test
    void errorBuiltDirectlyIsRedactedToo() {
        OpenAiError error = new OpenAiError(400, "invalid_request_error", null, null, "bad key " + KEY_LIKE, null);

        assertEquals("bad key [REDACTED]", error.message());
    }

    // ---- helpers ----

    private static RoutingFailedException routingFailed(String message, LlmProviderException upstream) {
        return new RoutingFailedException(message, List.of(), upstream, "route");
    }

    /** A plain fake upstream error of the given kind, without a retry-after. */
    private static LlmProviderException upstream(ErrorKind kind) {
        return new LlmProviderException(ProviderType.OPENAI, 0, null, kind.name().toLowerCase(), null) {
            private static final long serialVersionUID = 1L;

            @Override
            public ErrorKind kind() {
                return kind;
            }
        };
    }
}
