package io.circuitbreaker.llm.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST, false", "401, AUTHENTICATION, false", "403, AUTHENTICATION, false",
        "404, MODEL_NOT_FOUND, false", "408, TIMEOUT, true", "413, INVALID_REQUEST, false",
        "422, INVALID_REQUEST, false", "429, RATE_LIMITED, true", "500, UNAVAILABLE, true",
        "502, UNAVAILABLE, true", "503, UNAVAILABLE, true", "504, UNAVAILABLE, true", "529, OVERLOADED, true",
        "418, OTHER, false"
    })
    void statusDecidesTheKind(int status, ErrorKind kind, boolean retryable) {
        LlmProviderException e = UpstreamErrors.fromStatus(ProviderType.OPENAI, status,
                UpstreamErrors.Hints.of("code", "msg"), Optional.empty());
        assertEquals(kind, e.kind());
        assertEquals(retryable, e.retryable());
        assertEquals(status, e.httpStatus());
        assertEquals("code", e.providerCode());
        assertEquals("openai answered HTTP " + status + ": msg", e.getMessage());
    }

    @Test
    void hintsRefineAmbiguousStatuses() {
        var context = UpstreamErrors.fromStatus(ProviderType.ANTHROPIC, 400,
                new UpstreamErrors.Hints("invalid_request_error", "prompt is too long", true, false, false),
                Optional.empty());
        assertInstanceOf(ContextLengthExceededException.class, context);
        var overloaded = UpstreamErrors.fromStatus(ProviderType.GOOGLE, 503,
                new UpstreamErrors.Hints("UNAVAILABLE", "The model is overloaded", false, false, true),
                Optional.of(Duration.ofSeconds(2)));
        assertEquals(ErrorKind.OVERLOADED, overloaded.kind());
        assertEquals(Optional.of(Duration.ofSeconds(2)), overloaded.retryAfter());
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        var e = UpstreamErrors.fromStatus(ProviderType.OPENAI, 429, UpstreamErrors.Hints.of("rate_limit", "x"),
                Optional.of(Duration.ofSeconds(7)));
        assertInstanceOf(RateLimitedException.class, e);
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }
}
