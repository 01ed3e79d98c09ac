package io.circuitbreaker.llm.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class GeminiErrorStatusTest {

    /** Shaped like a real Google key, so it is also what {@link Secrets#redact} looks for. */
    static final String KEY = SecretLeakGuard.secret("AIza" + "SyErrorStatusLeakGuard-abcdefghijkl");
    /** Shaped like nothing: only scrubbing by value can keep it out of messages. */
    static final String PLAIN_KEY = SecretLeakGuard.secret("plain-secret-value-7f3c");

    final GeminiProvider provider = new GeminiProvider();

    /**
     * One upstream failure and what it must become.
     *
     * @param body a fixture path ({@code gemini/...}) or an inline body
     */
    record Case(String name, int status, String body, Map<String, String> headers,
            Class<? extends LlmProviderException> type, ErrorKind kind, boolean retryable, int httpStatus,
            Duration retryAfter) {

        @Override
        public String toString() {
            return name;
        }

        String responseBody() {
            return body.startsWith("gemini/") ? Fixtures.read(body) : body;
        }
    }

    static String error(int code, String status, String message) {
        return "{\"error\": {\"code\": " + code + ", \"message\": \"" + message + "\", \"status\": \"" + status
                + "\"}}";
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("400 INVALID_ARGUMENT echoing the key", 400,
                        error(400, "INVALID_ARGUMENT", "Invalid value at 'x-goog-api-key' (" + KEY + "), bad field"),
                        Map.of(), InvalidRequestException.class, ErrorKind.INVALID_REQUEST, false, 400, null),
                new Case("400 API_KEY_INVALID (recorded)", 400, "gemini/error-400-api-key-invalid.json", Map.of(),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION, false, 400, null),
                new Case("400 input token count exceeds the maximum", 400, error(400, "INVALID_ARGUMENT",
                        "The input token count (1200293) exceeds the maximum number of tokens allowed (1048576)."),
                        Map.of(), ContextLengthExceededException.class, ErrorKind.CONTEXT_LENGTH_EXCEEDED, false,
                        400, null),
                new Case("401 UNAUTHENTICATED echoing the key", 401,
                        error(401, "UNAUTHENTICATED", "Request had invalid credentials: key=" + KEY),
                        Map.of(), AuthenticationException.class, ErrorKind.AUTHENTICATION, false, 401, null),
                new Case("403 PERMISSION_DENIED (recorded)", 403, "gemini/error-403-permission-denied.json", Map.of(),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION, false, 403, null),
                new Case("404 NOT_FOUND (recorded)", 404, "gemini/error-404-model-not-found.json", Map.of(),
                        ModelNotFoundException.class, ErrorKind.MODEL_NOT_FOUND, false, 404, null),
                new Case("408", 408, error(408, "DEADLINE_EXCEEDED", "Request timed out."), Map.of(),
                        ProviderTimeoutException.class, ErrorKind.TIMEOUT, true, 408, null),
                new Case("413", 413, error(413, "INVALID_ARGUMENT", "Request payload size exceeds the limit."),
                        Map.of(), InvalidRequestException.class, ErrorKind.INVALID_REQUEST, false, 413, null),
                new Case("429 RESOURCE_EXHAUSTED (recorded) with retry-after: 7", 429,
                        "gemini/error-429-resource-exhausted.json", Map.of("retry-after", "7"),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, true, 429, Duration.ofSeconds(7)),
                new Case("429 RESOURCE_EXHAUSTED (recorded) without any delay", 429,
                        "gemini/error-429-resource-exhausted.json", Map.of(),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, true, 429, null),
                new Case("429 with RetryInfo 23s and no header", 429, """
                        {"error": {"code": 429, "message": "You exceeded your current quota.",
                          "status": "RESOURCE_EXHAUSTED", "details": [
                            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
                            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "23s"}]}}
                        """, Map.of(), RateLimitedException.class, ErrorKind.RATE_LIMITED, true, 429,
                        Duration.ofSeconds(23)),
                new Case("500 INTERNAL (recorded)", 500, "gemini/error-500-internal.json", Map.of(),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, true, 500, null),
                new Case("502 HTML from a proxy", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        Map.of("Content-Type", "text/html"), ProviderUnavailableException.class,
                        ErrorKind.UNAVAILABLE, true, 502, null),
                new Case("503 UNAVAILABLE overloaded (recorded)", 503, "gemini/error-503-unavailable.json", Map.of(),
                        ProviderUnavailableException.class, ErrorKind.OVERLOADED, true, 503, null),
                new Case("503 UNAVAILABLE not overloaded", 503,
                        error(503, "UNAVAILABLE", "The service is currently unavailable."), Map.of("retry-after", "2"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, true, 503, Duration.ofSeconds(2)),
                new Case("529", 529, error(529, "UNAVAILABLE", "Overloaded."), Map.of(),
                        ProviderUnavailableException.class, ErrorKind.OVERLOADED, true, 529, null),
                new Case("connection reset", 0, "", Map.of(),
                        ProviderConnectionException.class, ErrorKind.CONNECTION, true, 0, null));
    }

    static ResponseDefinitionBuilder reply(Case c) {
        if (c.status() == 0) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
        }
        ResponseDefinitionBuilder reply = aResponse().withStatus(c.status())
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(c.responseBody());
        c.headers().forEach(reply::withHeader);
        return reply;
    }

    static ProviderEndpoint endpoint(WireMockRuntimeInfo wm) {
        return ProviderEndpoint.of(ProviderType.GOOGLE, wm.getHttpBaseUrl());
    }

    static ChatRequest request() {
        return ChatRequest.builder("gemini-2.5-flash").messages(ChatMessage.user("Hi")).build();
    }

    @ParameterizedTest(name = "complete: {0}")
    @MethodSource("cases")
    void completeCallMapsTheFailure(Case c, WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlPathMatching("/v1beta/models/.*")).willReturn(reply(c)));
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> provider
                .chatCompletion(endpoint(wm), request(), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS));
        check(c, thrown.getCause());
    }

    @ParameterizedTest(name = "stream: {0}")
    @MethodSource("cases")
    void streamMapsTheFailure(Case c, WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathMatching("/v1beta/models/.*")).willReturn(reply(c)));
        check(c, ChunkCollector.subscribe(provider.chatCompletionStream(endpoint(wm), request(), KEY)).awaitError());
    }

    private static void check(Case c, Throwable failure) {
        SecretLeakGuard.observe(failure);
        assertEquals(c.type(), failure.getClass(), () -> "got " + failure);
        LlmProviderException e = (LlmProviderException) failure;
        assertEquals(c.kind(), e.kind());
        assertEquals(c.retryable(), e.retryable());
        assertEquals(c.httpStatus(), e.httpStatus());
        assertEquals(ProviderType.GOOGLE, e.provider());
        assertEquals(c.retryAfter(), e.retryAfter().orElse(null));
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void anEchoedKeyOfAnyShapeIsScrubbedByValue(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathMatching("/v1beta/models/.*")).willReturn(aResponse().withStatus(400)
                .withBody(error(400, "INVALID_ARGUMENT", "API key not valid: " + PLAIN_KEY))));

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> provider
                .chatCompletion(endpoint(wm), request(), PLAIN_KEY).toCompletableFuture().get(20, TimeUnit.SECONDS));
        Throwable streamed = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), request(), PLAIN_KEY)).awaitError();

        for (Throwable failure : new Throwable[] {thrown.getCause(), streamed}) {
            SecretLeakGuard.observe(failure);
            AuthenticationException e = (AuthenticationException) failure;
            assertEquals(400, e.httpStatus());
            assertFalse(e.getMessage().contains(PLAIN_KEY), e.getMessage());
            assertTrue(e.getMessage().contains(Secrets.MASK), e.getMessage());
        }
    }

    @AfterAll
    static void theGuardSawTheErrors() {
        assertTrue(SecretLeakGuard.observedCount() > 0, "a guard that saw nothing proves nothing");
    }
}
