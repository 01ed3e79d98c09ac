package io.circuitbreaker.llm.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every upstream failure, complete and streamed, maps to the right typed error. Recorded Anthropic bodies are used
 * where they exist; the others are written in Anthropic's envelope, and several echo the key (as some upstream
 * errors do) so the leak guard proves it never reaches an exception message or a log.
 */
@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class AnthropicErrorStatusTest {

    /**
     * Deliberately not shaped like an Anthropic key (those start {@code sk-ant-} and are caught by the shared
     * redaction patterns): a key issued by an Anthropic-compatible proxy must not leak either, so the adapter scrubs
     * the exact key it sent from every error body.
     */
    private static final String KEY = SecretLeakGuard.secret("proxy-key-LeakCanary-Xq7pR2mW9zT4vB6nK1dF");

    private final AnthropicProvider provider = new AnthropicProvider();

    @AfterAll
    static void guardSawEveryError() {
        assertTrue(SecretLeakGuard.observedCount() >= 24, "the guard must have seen every exception");
    }

    private static String envelope(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CTestRequest\"}";
    }

    private static ResponseDefinitionBuilder reply(int status, String body, String contentType) {
        return aResponse().withStatus(status).withHeader("content-type", contentType).withBody(body);
    }

    private static ResponseDefinitionBuilder fixture(int status, String file) {
        return reply(status, Fixtures.read("anthropic/" + file), "application/json");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("400 recorded invalid_request_error", fixture(400, "error-400-invalid-request.json"),
                        InvalidRequestException.class, ErrorKind.INVALID_REQUEST, 400, null),
                Arguments.of("401 recorded authentication_error", fixture(401, "error-401-authentication.json")
                        .withHeader("x-should-retry", "false"),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION, 401, null),
                Arguments.of("403 permission_error echoing the key", reply(403, envelope("permission_error",
                        "API key " + KEY + " does not have permission to use the specified resource."),
                        "application/json"),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION, 403, null),
                Arguments.of("404 recorded not_found_error", fixture(404, "error-404-not-found.json"),
                        ModelNotFoundException.class, ErrorKind.MODEL_NOT_FOUND, 404, null),
                Arguments.of("408 timeout", reply(408, envelope("timeout_error", "Request timed out"),
                        "application/json"),
                        ProviderTimeoutException.class, ErrorKind.TIMEOUT, 408, null),
                Arguments.of("413 request_too_large", reply(413, envelope("request_too_large",
                        "Request exceeds the maximum allowed number of bytes."), "application/json"),
                        InvalidRequestException.class, ErrorKind.INVALID_REQUEST, 413, null),
                Arguments.of("429 recorded rate_limit_error, retry-after 7", fixture(429,
                        "error-429-rate-limit.json").withHeader("retry-after", "7"),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, 429, 7),
                Arguments.of("500 api_error echoing the key", reply(500, envelope("api_error",
                        "Internal server error while checking x-api-key: " + KEY), "application/json"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, 500, null),
                Arguments.of("502 plain-text proxy page echoing the key", reply(502,
                        "Bad Gateway\nrequest headers: x-api-key=" + KEY + "\n", "text/plain"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, 502, null),
                Arguments.of("503 recorded plain-text edge error", reply(503,
                        Fixtures.read("anthropic/error-503-upstream-connect-error.txt"), "text/plain"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, 503, null),
                Arguments.of("529 recorded overloaded_error", fixture(529, "error-529-overloaded.json")
                        .withHeader("x-should-retry", "true"),
                        ProviderUnavailableException.class, ErrorKind.OVERLOADED, 529, null),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        ProviderConnectionException.class, ErrorKind.CONNECTION, 0, null));
    }

    private static ChatRequest request() {
        return ChatRequest.builder("claude-sonnet-4-5").messages(ChatMessage.user("Hi")).maxTokens(16).build();
    }

    @ParameterizedTest(name = "complete: {0}")
    @MethodSource("failures")
    void completeAnswer(String name, ResponseDefinitionBuilder upstream, Class<? extends LlmProviderException> type,
            ErrorKind kind, int status, Integer retryAfterSeconds, WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(upstream));
        ProviderEndpoint endpoint = ProviderEndpoint.of(ProviderType.ANTHROPIC, wm.getHttpBaseUrl());

        Throwable failure;
        try {
            provider.chatCompletion(endpoint, request(), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            failure = e.getCause();
        }

        check(failure, type, kind, status, retryAfterSeconds);
    }

    @ParameterizedTest(name = "stream: {0}")
    @MethodSource("failures")
    void streamedAnswer(String name, ResponseDefinitionBuilder upstream, Class<? extends LlmProviderException> type,
            ErrorKind kind, int status, Integer retryAfterSeconds, WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(upstream));
        ProviderEndpoint endpoint = ProviderEndpoint.of(ProviderType.ANTHROPIC, wm.getHttpBaseUrl());

        ChunkCollector subscriber = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, request(), KEY));

        check(subscriber.awaitError(), type, kind, status, retryAfterSeconds);
        assertTrue(subscriber.chunks.isEmpty());
    }

    private static void check(Throwable failure, Class<? extends LlmProviderException> type, ErrorKind kind,
            int status, Integer retryAfterSeconds) {
        SecretLeakGuard.observe(failure);
        LlmProviderException e = assertInstanceOf(type, failure);
        assertEquals(kind, e.kind());
        assertEquals(kind.retryable(), e.retryable());
        assertEquals(status, e.httpStatus());
        assertEquals(ProviderType.ANTHROPIC, e.provider());
        assertEquals(Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds), e.retryAfter());
        assertFalse(String.valueOf(e.getMessage()).contains(KEY));
    }
}
