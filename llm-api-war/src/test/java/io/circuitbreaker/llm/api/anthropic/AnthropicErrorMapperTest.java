package io.circuitbreaker.llm.api.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.access.RateLimitSnapshot;
import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicErrorMapperTest {

    /** Every gateway error but UPSTREAM (below, by kind): the status and Anthropic type it becomes. */
    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST,400,invalid_request_error", "KEY_REJECTED,401,authentication_error",
        "RATE_LIMITED,429,rate_limit_error", "BUDGET_EXCEEDED,429,rate_limit_error",
        "UNKNOWN_MODEL,404,not_found_error", "NO_CAPABLE_MODEL,400,invalid_request_error",
        "ALL_BREAKERS_OPEN,529,overloaded_error", "NO_UPSTREAM,503,api_error", "OTHER,500,api_error"})
    void gatewayErrors(GatewayError error, int status, String type) {
        AnthropicError mapped = AnthropicErrorMapper.map(new CompletionException(new GatewayException(error, "why")));
        assertEquals(status, mapped.status());
        assertEquals(type, mapped.type());
    }

    @ParameterizedTest
    @CsvSource({
        "AUTHENTICATION,502,api_error", "MODEL_NOT_FOUND,404,not_found_error", "RATE_LIMITED,429,rate_limit_error",
        "QUOTA_EXHAUSTED,429,rate_limit_error",
        "CONTEXT_LENGTH_EXCEEDED,400,invalid_request_error", "INVALID_REQUEST,400,invalid_request_error",
        "CONTENT_FILTERED,400,invalid_request_error", "OVERLOADED,529,overloaded_error",
        "UNAVAILABLE,503,api_error", "TIMEOUT,504,api_error", "CONNECTION,502,api_error",
        "MALFORMED_RESPONSE,502,api_error", "OTHER,502,api_error"})
    void upstreamKinds(ErrorKind kind, int status, String type) {
        AnthropicError mapped = AnthropicErrorMapper.map(upstream(kind, null));
        assertEquals(status, mapped.status());
        assertEquals(type, mapped.type());
    }

    @Test
    void theGatewaysRateLimitSendsRetryAfterAndItsLimitHeaders() {
        FakeHttp.Response response = new FakeHttp.Response();
        byte[] body = AnthropicResponses.prepareError(response.proxy(), new RateLimitExceededException(
                RateLimitExceededException.Limit.REQUESTS, new RateLimitSnapshot(60, 0L, Duration.ofSeconds(3), null,
                        null, null), Duration.ofMillis(2500)), "req-9");
        assertEquals(429, response.status());
        assertEquals("3", response.header("retry-after"), "rounded up");
        assertEquals("60", response.header("x-ratelimit-limit-requests"));
        JsonObject json = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        assertEquals("error", json.getString("type"));
        assertEquals("rate_limit_error", json.getJsonObject("error").getString("type"));
        assertEquals("req-9", json.getString("request_id"));
    }

    @Test
    void aSpentBudgetTellsTheSdkNotToRetry() {
        FakeHttp.Response response = new FakeHttp.Response();
        AnthropicResponses.prepareError(response.proxy(), new GatewayException(GatewayError.BUDGET_EXCEEDED,
                "budget spent"), null);
        assertEquals(429, response.status());
        assertEquals("false", response.header("x-should-retry"));
        assertNull(response.header("retry-after"));
    }

    @Test
    void anExhaustedUpstreamQuotaTellsTheSdkNotToRetry() {
        AnthropicError mapped = AnthropicErrorMapper.map(upstream(ErrorKind.QUOTA_EXHAUSTED, Duration.ofSeconds(20)));
        assertEquals(Boolean.FALSE, mapped.shouldRetry());
        assertNull(mapped.retryAfterSeconds(), "no wait refills a quota");
    }

    @Test
    void anUpstreamsWaitIsPassedOnAndKeysAreNotEchoed() {
        AnthropicError mapped = AnthropicErrorMapper.map(upstream(ErrorKind.RATE_LIMITED, Duration.ofSeconds(20)));
        assertEquals(20L, mapped.retryAfterSeconds());
        AnthropicError leaky = AnthropicErrorMapper.map(new GatewayException(GatewayError.INVALID_REQUEST,
                "bad key " + fakeAnthropicKey()));
        assertFalse(leaky.message().contains("AAAAAAAAAAAAAAAAAAAA"), leaky.message());
    }

    /** Shaped like an Anthropic key, built at run time so no key-like literal sits in the sources. */
    private static String fakeAnthropicKey() {
        return "sk-" + "ant-api03-" + "A".repeat(36);
    }

    @Test
    void aRefusedBodyKeepsItsStatusAndType() {
        AnthropicError tooLarge = AnthropicErrorMapper.map(InvalidAnthropicRequest.tooLarge(10));
        assertEquals(413, tooLarge.status());
        assertEquals("request_too_large", tooLarge.type());
        AnthropicError invalid = AnthropicErrorMapper.map(new InvalidAnthropicRequest("model", "Field required"));
        assertEquals(400, invalid.status());
        assertEquals("model: Field required", invalid.message());
    }

    private static GatewayException upstream(ErrorKind kind, Duration retryAfter) {
        LlmProviderException error = new LlmProviderException(ProviderType.ANTHROPIC, 500, "code", "failed", null) {
            private static final long serialVersionUID = 1L;

            @Override
            public ErrorKind kind() {
                return kind;
            }

            @Override
            public java.util.Optional<Duration> retryAfter() {
                return java.util.Optional.ofNullable(retryAfter);
            }
        };
        return GatewayException.of(error);
    }
}
