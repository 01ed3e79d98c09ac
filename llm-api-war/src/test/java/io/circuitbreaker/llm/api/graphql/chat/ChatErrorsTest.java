package io.circuitbreaker.llm.api.graphql.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.router.NoCandidateException;
import io.circuitbreaker.llm.router.RoutingFailedException;
import io.circuitbreaker.llm.routing.UnknownModelException;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChatErrorsTest {

    /** The documented code of each upstream error kind; a new kind fails the test below until it is listed here. */
    private static final Map<ErrorKind, String> CODES = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorKind.AUTHENTICATION, "PROVIDER_ERROR"),
            Map.entry(ErrorKind.MODEL_NOT_FOUND, "NOT_FOUND"),
            Map.entry(ErrorKind.RATE_LIMITED, "RATE_LIMITED"),
            Map.entry(ErrorKind.QUOTA_EXHAUSTED, "QUOTA_EXHAUSTED"),
            Map.entry(ErrorKind.CONTEXT_LENGTH_EXCEEDED, "CONTEXT_LENGTH_EXCEEDED"),
            Map.entry(ErrorKind.INVALID_REQUEST, "INVALID_REQUEST"),
            Map.entry(ErrorKind.CONTENT_FILTERED, "CONTENT_FILTERED"),
            Map.entry(ErrorKind.OVERLOADED, "PROVIDER_ERROR"),
            Map.entry(ErrorKind.UNAVAILABLE, "PROVIDER_ERROR"),
            Map.entry(ErrorKind.TIMEOUT, "TIMEOUT"),
            Map.entry(ErrorKind.CONNECTION, "PROVIDER_ERROR"),
            Map.entry(ErrorKind.MALFORMED_RESPONSE, "PROVIDER_ERROR"),
            Map.entry(ErrorKind.OTHER, "PROVIDER_ERROR")));

    private static final String KEY_LIKE = "sk-" + "abcdefghij".repeat(2);

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyUpstreamErrorKindHasACode(ErrorKind kind) {
        RoutingFailedException failure = routingFailed("all candidates failed", upstream(kind));

        GatewayGraphQLException e = ChatErrors.toGraphQL(failure);

        assertTrue(CODES.containsKey(kind), () -> kind + " has no documented code");
        assertEquals(CODES.get(kind), e.code());
        assertEquals("[" + CODES.get(kind) + "] all candidates failed", e.getMessage());
    }

    @Test
    void failureWithoutAnUpstreamErrorIsAProviderError() {
        GatewayGraphQLException e = ChatErrors.toGraphQL(routingFailed("no API key for any candidate", null));

        assertEquals("PROVIDER_ERROR", e.code());
        assertEquals("[PROVIDER_ERROR] no API key for any candidate", e.getMessage());
    }

    @Test
    void unknownModelIsNotFound() {
        GatewayGraphQLException e = ChatErrors.toGraphQL(new UnknownModelException("unknown model \"gpt-9\""));

        assertEquals("NOT_FOUND", e.code());
        assertEquals("[NOT_FOUND] unknown model \"gpt-9\"", e.getMessage());
    }

    @Test
    void onlyOpenBreakersMeanUnavailable() {
        NoCandidateException none = new NoCandidateException("smart", List.of(
                "openai/gpt-4o: circuit breaker open", "anthropic/claude-3-5-sonnet-20241022: circuit breaker open"),
                "smart");

        GatewayGraphQLException e = ChatErrors.toGraphQL(none);

        assertEquals("UNAVAILABLE", e.code());
        assertTrue(e.getMessage().startsWith("[UNAVAILABLE] no deployment can serve model \"smart\": "),
                e::getMessage);
    }

    @Test
    void anyOtherSkipReasonMeansNoCapableModel() {
        NoCandidateException none = new NoCandidateException("smart", List.of(
                "openai/gpt-4o: circuit breaker open", "openai/gpt-4: no vision support for images"), "smart");

        assertEquals("NO_CAPABLE_MODEL", ChatErrors.toGraphQL(none).code());
    }

    @Test
    void noCandidatesAtAllIsNoCapableModel() {
        assertEquals("NO_CAPABLE_MODEL",
                ChatErrors.toGraphQL(new NoCandidateException("gpt-4o", List.of(), null)).code());
    }

    @ParameterizedTest(name = "{0} ms → retry after {1} s")
    @CsvSource({"30000, 30", "1500, 2", "1, 1", "0, 1"})
    void retryAfterOfTheUpstreamErrorIsInTheMessage(long millis, long seconds) {
        RateLimitedException limited = new RateLimitedException(ProviderType.OPENAI, 429, "rate_limit_exceeded",
                "Rate limit reached", Duration.ofMillis(millis));

        GatewayGraphQLException e = ChatErrors.toGraphQL(routingFailed("all candidates are rate limited", limited));

        assertEquals("RATE_LIMITED", e.code());
        assertEquals("[RATE_LIMITED] all candidates are rate limited (retry after " + seconds + " s)",
                e.getMessage());
    }

    @Test
    void retryAfterOfAnOverloadedProviderIsInTheMessageToo() {
        ProviderUnavailableException overloaded = new ProviderUnavailableException(ProviderType.ANTHROPIC, 529,
                "overloaded_error", "Overloaded", true, Duration.ofSeconds(5));

        GatewayGraphQLException e = ChatErrors.toGraphQL(routingFailed("all candidates failed", overloaded));

        assertEquals("[PROVIDER_ERROR] all candidates failed (retry after 5 s)", e.getMessage());
    }

    @Test
    void completionAndExecutionWrappersAreRemoved() {
        UnknownModelException unknown = new UnknownModelException("unknown model \"gpt-9\"");

        assertEquals("NOT_FOUND", ChatErrors.toGraphQL(new CompletionException(unknown)).code());
        assertEquals("NOT_FOUND",
                ChatErrors.toGraphQL(new CompletionException(new ExecutionException(unknown))).code());
    }

    @Test
    void codedExceptionPassesThroughUnchanged() {
        GatewayGraphQLException validation = GatewayGraphQLException.validation("messages must have 1 entry");

        assertSame(validation, ChatErrors.toGraphQL(new CompletionException(validation)));
    }

    @Test
    void unexpectedFailureIsInternalAndSaysNothingOfItsCause() {
        GatewayGraphQLException e = ChatErrors.toGraphQL(new IllegalStateException("pool exhausted at db-01"));

        assertEquals("INTERNAL", e.code());
        assertFalse(e.getMessage().contains("db-01"), e::getMessage);
        assertFalse(e.getMessage().contains("IllegalStateException"), e::getMessage);
    }

    @Test
    void keyInAFailureMessageIsRedacted() {
        GatewayGraphQLException e = ChatErrors.toGraphQL(
                routingFailed("openai/gpt-4o rejected key " + KEY_LIKE, upstream(ErrorKind.AUTHENTICATION)));

        assertFalse(e.getMessage().contains(KEY_LIKE), e::getMessage);
        assertEquals("[PROVIDER_ERROR] openai/gpt-4o rejected key [REDACTED]", e.getMessage());
    }

    @Test
    void keyInAnUnknownModelNameIsRedacted() {
        GatewayGraphQLException e = ChatErrors.toGraphQL(
                new UnknownModelException("unknown model \"" + KEY_LIKE + "\""));

        assertEquals("[NOT_FOUND] unknown model \"[REDACTED]\"", e.getMessage());
    }

    // ---- helpers ----

    private static RoutingFailedException routingFailed(String message, LlmProviderException upstream) {
        return new RoutingFailedException(message, List.of(), upstream, null);
    }

    /** An upstream error of the given kind, without a retry-after. */
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
