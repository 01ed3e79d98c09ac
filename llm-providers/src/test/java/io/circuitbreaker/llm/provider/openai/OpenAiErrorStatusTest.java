package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.circuitbreaker.llm.error.QuotaExhaustedException;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every upstream failure, answered to a complete and to a streamed request, maps to the same typed error. */
@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class OpenAiErrorStatusTest {

    /** Looks like no known key format, so only redaction of the exact key value can hide it. */
    private static final String KEY = SecretLeakGuard.secret("canary-7Hq2Lm9Xw4Pz8Rv1");

    private static final String CHAT = "/v1/chat/completions";

    /**
     * One upstream failure and what it must become.
     *
     * @param status        upstream status, 0 for a reset connection
     * @param providerCode  expected provider code ({@code null}: none)
     * @param retryAfterMs  expected wait, {@code null}: none
     */
    record Case(String name, int status, String body, Map<String, String> headers,
            Class<? extends LlmProviderException> type, ErrorKind kind, String providerCode, Long retryAfterMs) {

        @Override
        public String toString() {
            return name;
        }
    }

    static String openAiError(String message, String type, String code) {
        return "{\n  \"error\": {\n    \"message\": \"" + message + "\",\n    \"type\": \"" + type
                + "\",\n    \"param\": null,\n    \"code\": " + (code == null ? "null" : "\"" + code + "\"")
                + "\n  }\n}";
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("400 unsupported parameter (recorded)", 400,
                        Fixtures.read("openai/error-400-unsupported-parameter.json"), Map.of(),
                        InvalidRequestException.class, ErrorKind.INVALID_REQUEST, "unsupported_parameter", null),
                new Case("400 context length exceeded (recorded)", 400,
                        Fixtures.read("openai/error-400-context-length-exceeded.json"), Map.of(),
                        ContextLengthExceededException.class, ErrorKind.CONTEXT_LENGTH_EXCEEDED,
                        "context_length_exceeded", null),
                new Case("401 invalid key (recorded)", 401, Fixtures.read("openai/error-401-invalid-api-key.json"),
                        Map.of(), AuthenticationException.class, ErrorKind.AUTHENTICATION, "invalid_api_key", null),
                new Case("401 echoing the key", 401, openAiError("Incorrect API key provided: " + KEY
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                        "invalid_request_error", "invalid_api_key"), Map.of(),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION, "invalid_api_key", null),
                new Case("403 forbidden echoing the header", 403, openAiError("Invalid header Authorization: Bearer "
                        + KEY, "request_forbidden", "unsupported_country_region_territory"), Map.of(),
                        AuthenticationException.class, ErrorKind.AUTHENTICATION,
                        "unsupported_country_region_territory", null),
                new Case("404 model not found (recorded)", 404,
                        Fixtures.read("openai/error-404-model-not-found.json"), Map.of(),
                        ModelNotFoundException.class, ErrorKind.MODEL_NOT_FOUND, "model_not_found", null),
                new Case("408 request timeout", 408, openAiError("Request timed out.", "timeout", null), Map.of(),
                        ProviderTimeoutException.class, ErrorKind.TIMEOUT, "timeout", null),
                new Case("413 request too large", 413, openAiError("Request too large for key " + KEY,
                        "invalid_request_error", "request_too_large"), Map.of(),
                        InvalidRequestException.class, ErrorKind.INVALID_REQUEST, "request_too_large", null),
                new Case("429 with retry-after: 7, echoing the key", 429, openAiError("Rate limit reached for "
                        + "gpt-4o (key " + KEY + ") on tokens per min (TPM): Limit 30000, Used 29000, "
                        + "Requested 1500.", "tokens", "rate_limit_exceeded"),
                        Map.of("retry-after", "7", "x-ratelimit-remaining-tokens", "0",
                                "x-ratelimit-reset-tokens", "2s"),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, "rate_limit_exceeded", 7_000L),
                new Case("429 with retry-after-ms", 429, openAiError("Rate limit reached", "requests",
                        "rate_limit_exceeded"), Map.of("retry-after-ms", "1500", "retry-after", "2"),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, "rate_limit_exceeded", 1_500L),
                new Case("429 with only x-ratelimit-reset", 429, openAiError("Rate limit reached", "tokens",
                        "rate_limit_exceeded"), Map.of("x-ratelimit-remaining-tokens", "0",
                                "x-ratelimit-reset-tokens", "6m0s", "x-ratelimit-remaining-requests", "99",
                                "x-ratelimit-reset-requests", "120ms"),
                        RateLimitedException.class, ErrorKind.RATE_LIMITED, "rate_limit_exceeded", 360_000L),
                new Case("429 insufficient quota (recorded)", 429,
                        Fixtures.read("openai/error-429-insufficient-quota.json"), Map.of(),
                        QuotaExhaustedException.class, ErrorKind.QUOTA_EXHAUSTED, "insufficient_quota", null),
                new Case("500 server error", 500, openAiError("The server had an error while processing your "
                        + "request. Sorry about that!", "server_error", null), Map.of(),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, "server_error", null),
                new Case("502 bad gateway, html", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        Map.of("Content-Type", "text/html"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, null, null),
                new Case("503 edge text/plain with retry-after", 503, "upstream connect error or disconnect/reset "
                        + "before headers. reset reason: connection termination",
                        Map.of("Content-Type", "text/plain", "retry-after", "3"),
                        ProviderUnavailableException.class, ErrorKind.UNAVAILABLE, null, 3_000L),
                new Case("503 engine overloaded", 503, openAiError("The engine is currently overloaded, please try "
                        + "again later", "server_error", "engine_overloaded"), Map.of(),
                        ProviderUnavailableException.class, ErrorKind.OVERLOADED, "engine_overloaded", null),
                new Case("529 overloaded", 529, openAiError("Overloaded", "overloaded_error", null), Map.of(),
                        ProviderUnavailableException.class, ErrorKind.OVERLOADED, "overloaded_error", null),
                new Case("connection reset", 0, null, Map.of(),
                        ProviderConnectionException.class, ErrorKind.CONNECTION, "connection", null));
    }

    private final OpenAiProvider provider = new OpenAiProvider();

    @AfterAll
    static void guardSawEveryError() {
        assertTrue(SecretLeakGuard.observedCount() >= 2 * cases().count());
    }

    private static ProviderEndpoint serve(WireMockRuntimeInfo wm, Case c) {
        ResponseDefinitionBuilder response = aResponse();
        if (c.status() == 0) {
            response.withFault(Fault.CONNECTION_RESET_BY_PEER);
        } else {
            response.withStatus(c.status()).withHeader("Content-Type", "application/json").withBody(c.body());
            c.headers().forEach(response::withHeader);
        }
        wm.getWireMock().register(post(CHAT).willReturn(response));
        return ProviderEndpoint.of(ProviderType.OPENAI, wm.getHttpBaseUrl() + "/v1");
    }

    private static ChatRequest request() {
        return ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void completeAnswer(Case c, WireMockRuntimeInfo wm) throws Exception {
        ProviderEndpoint endpoint = serve(wm, c);
        check(c, failure(provider.chatCompletion(endpoint, request(), KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamedAnswer(Case c, WireMockRuntimeInfo wm) throws Exception {
        ProviderEndpoint endpoint = serve(wm, c);
        check(c, ChunkCollector.subscribe(provider.chatCompletionStream(endpoint, request(), KEY))
                .awaitProviderError());
    }

    private static void check(Case c, LlmProviderException e) {
        SecretLeakGuard.observe(e);
        assertEquals(c.type(), e.getClass(), () -> "got " + e);
        assertEquals(c.kind(), e.kind());
        assertEquals(c.kind().retryable(), e.retryable());
        assertEquals(c.status(), e.httpStatus());
        assertEquals(ProviderType.OPENAI, e.provider());
        if (c.status() != 0) {
            assertEquals(c.providerCode(), e.providerCode());
        }
        assertEquals(Optional.ofNullable(c.retryAfterMs()).map(Duration::ofMillis), e.retryAfter());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        if (c.body() != null && c.body().contains(KEY)) {
            assertTrue(e.getMessage().contains(Secrets.MASK), e.getMessage());
        }
    }
}
