package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.RoutedResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.QuotaExhaustedException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.router.FakeAdapter.Script;
import io.circuitbreaker.llm.resilience.BreakerRegistry;
import io.circuitbreaker.llm.resilience.BreakerSettings;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.resilience.RetryPolicy;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.router.routing.ModelResolver;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterEngineTest extends RouterFixture {

    @Test
    void firstCandidateAnswersWithExactCost() throws Exception {
        openai.script(PRIMARY, Script.answer("hi"));
        RoutedResponse routed = complete("smart");
        assertEquals("hi", routed.response().text());
        assertEquals("primary/gpt-4o", routed.deployment().key());
        assertEquals("smart", routed.route());
        assertEquals(new BigDecimal("0.00125"), routed.cost().orElseThrow().total());
        assertEquals(List.of("primary/gpt-4o#1:SUCCEEDED"), routed.attempts().stream().map(Attempt::toString).toList());
        assertEquals(List.of(PRIMARY + " gpt-4o"), openai.calls, "the upstream model id is sent");
        assertEquals(List.of("key-primary"), openai.keysSeen);
    }

    @Test
    void retriesRetryableErrorsThenFallsBackToTheNextCandidate() throws Exception {
        openai.script(PRIMARY, Script.error(unavailable(503)), Script.error(unavailable(503)),
                Script.error(unavailable(500)));
        anthropic.script(SECONDARY, Script.answer("from secondary"));
        RoutedResponse routed = complete("smart");
        assertEquals("from secondary", routed.response().text());
        assertEquals(List.of("primary/gpt-4o#1:UNAVAILABLE(503)", "primary/gpt-4o#2:UNAVAILABLE(503)",
                "primary/gpt-4o#3:UNAVAILABLE(500)", "secondary/claude-3-haiku-20240307#1:SUCCEEDED"),
                routed.attempts().stream().map(Attempt::toString).toList());
        assertEquals(1, routed.fallbacks());
    }

    @Test
    void retryAfterWithinTheCapRetriesTheSameDeployment() throws Exception {
        openai.script(PRIMARY, Script.error(new RateLimitedException(ProviderType.OPENAI, 429, "rl", "slow",
                Duration.ofMillis(20))), Script.answer("after waiting"));
        assertEquals("after waiting", complete("smart").response().text());
        assertEquals(2, openai.callsTo(PRIMARY));
    }

    @Test
    void retryAfterBeyondTheCapMovesOnAtOnce() throws Exception {
        openai.script(PRIMARY, Script.error(new RateLimitedException(ProviderType.OPENAI, 429, "rl", "slow",
                Duration.ofMinutes(5))));
        anthropic.script(SECONDARY, Script.answer("elsewhere"));
        assertEquals("elsewhere", complete("smart").response().text());
        assertEquals(1, openai.callsTo(PRIMARY));
    }

    @Test
    void authenticationErrorsSkipToTheNextCandidateWithoutRetry() throws Exception {
        openai.script(PRIMARY, Script.error(new AuthenticationException(ProviderType.OPENAI, 401, "k", "bad key")));
        anthropic.script(SECONDARY, Script.answer("ok"));
        RoutedResponse routed = complete("smart");
        assertEquals("ok", routed.response().text());
        assertEquals(1, openai.callsTo(PRIMARY));
    }

    @Test
    void anExhaustedQuotaIsNotRetriedButFallsBackToTheNextCandidate() throws Exception {
        openai.script(PRIMARY, Script.error(quotaExhausted()), Script.answer("never: not retried"));
        anthropic.script(SECONDARY, Script.answer("other key"));
        RoutedResponse routed = complete("smart");
        assertEquals("other key", routed.response().text());
        assertEquals(1, openai.callsTo(PRIMARY), "waiting does not refill a quota: no retry");
        assertEquals(List.of("primary/gpt-4o#1:QUOTA_EXHAUSTED(429)", "secondary/claude-3-haiku-20240307#1:SUCCEEDED"),
                routed.attempts().stream().map(Attempt::toString).toList());
    }

    @Test
    void anExhaustedQuotaAloneReachesTheCallerAsItsOwnKind() throws Exception {
        openai.script(PRIMARY, Script.error(quotaExhausted()), Script.answer("never: not retried"));
        anthropic.script(SECONDARY, Script.error(quotaExhausted()), Script.answer("never: not retried"));
        RoutingFailedException e = failure("smart");
        assertEquals(Optional.of(ErrorKind.QUOTA_EXHAUSTED), e.kind());
        assertEquals("insufficient_quota", e.upstreamError().orElseThrow().providerCode());
        assertEquals(2, e.attempts().size(), "one attempt per deployment, none repeated");
    }

    @Test
    void anExhaustedQuotaCountsTowardsTheBreaker() throws Exception {
        // 3 consecutive failures open the breaker (settings above); each request tries primary once
        openai.script(PRIMARY, Script.error(quotaExhausted()), Script.error(quotaExhausted()),
                Script.error(quotaExhausted()));
        anthropic.script(SECONDARY, Script.answer("1"), Script.answer("2"), Script.answer("3"), Script.answer("4"));
        for (int i = 0; i < 3; i++) {
            complete("smart");
        }
        assertEquals(CircuitBreaker.State.OPEN, breakers.forDeployment("primary/gpt-4o").state());
        assertEquals("4", complete("smart").response().text());
        assertEquals(3, openai.callsTo(PRIMARY), "the open breaker keeps the exhausted key from being called");
    }

    private static QuotaExhaustedException quotaExhausted() {
        return new QuotaExhaustedException(ProviderType.OPENAI, 429, "insufficient_quota",
                "openai answered HTTP 429: You exceeded your current quota");
    }

    @Test
    void invalidRequestsAreReturnedNotRoutedAround() throws Exception {
        openai.script(PRIMARY, Script.error(new InvalidRequestException(ProviderType.OPENAI, 400, "bad", "nope")));
        RoutingFailedException e = failure("smart");
        assertEquals(Optional.of(ErrorKind.INVALID_REQUEST), e.kind());
        assertEquals(0, anthropic.calls.size(), "the next candidate is never called");
        assertEquals(1, e.attempts().size());
    }

    @Test
    void invalidRequestsAreRoutedAroundWhenConfigured() throws Exception {
        settings = new RouterSettings(settings.retry(), true);
        openai.script(PRIMARY, Script.error(new InvalidRequestException(ProviderType.OPENAI, 400, "bad", "nope")));
        anthropic.script(SECONDARY, Script.answer("ok"));
        assertEquals("ok", complete("smart").response().text());
    }

    @Test
    void missingKeySkipsTheDeployment() throws Exception {
        keys.remove("primary");
        anthropic.script(SECONDARY, Script.answer("ok"));
        RoutedResponse routed = complete("smart");
        assertEquals("primary/gpt-4o#1:SKIPPED_NO_KEY", routed.attempts().get(0).toString());
        assertEquals(0, openai.calls.size());
    }

    @Test
    void anOpenAiCompatibleServerWithoutAKeyIsCalledWithoutCredentials() throws Exception {
        compatible.script(LOCAL, Script.answer("from llama"));
        RoutedResponse routed = complete("local/llama3.1:8b");
        assertEquals("from llama", routed.response().text());
        assertEquals(List.of("local/llama3.1:8b#1:SUCCEEDED"), routed.attempts().stream().map(Attempt::toString)
                .toList());
        assertEquals(java.util.Collections.singletonList(null), compatible.keysSeen);
    }

    @Test
    void allCandidatesFailingGivesTheLastErrorWithEveryAttempt() throws Exception {
        openai.script(PRIMARY, Script.error(unavailable(500)), Script.error(unavailable(500)),
                Script.error(unavailable(500)));
        anthropic.script(SECONDARY, Script.error(unavailable(502)), Script.error(unavailable(502)),
                Script.error(unavailable(503)));
        RoutingFailedException e = failure("smart");
        assertEquals(6, e.attempts().size());
        assertEquals(503, e.upstreamError().orElseThrow().httpStatus());
    }

    @Test
    void breakerOpensAfterFailuresAndTheDeploymentIsNoLongerCalled() throws Exception {
        // 3 consecutive failures open the breaker (settings above)
        openai.script(PRIMARY, Script.error(unavailable(503)), Script.error(unavailable(503)),
                Script.error(unavailable(500)));
        anthropic.script(SECONDARY, Script.answer("one"), Script.answer("two"));
        complete("smart");
        assertEquals(CircuitBreaker.State.OPEN, breakers.forDeployment("primary/gpt-4o").state());

        RoutedResponse second = complete("smart");
        assertEquals("two", second.response().text());
        assertEquals(3, openai.callsTo(PRIMARY), "an open breaker keeps calls away");
        assertEquals(List.of("secondary/claude-3-haiku-20240307#1:SUCCEEDED"),
                second.attempts().stream().map(Attempt::toString).toList(), "filtered before any attempt");
    }

    @Test
    void halfOpenTrialClosesTheBreakerOnSuccess() throws Exception {
        CircuitBreaker breaker = breakers.forDeployment("primary/gpt-4o");
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        now.set(now.get().plusSeconds(31));
        openai.script(PRIMARY, Script.answer("trial ok"));
        assertEquals("trial ok", complete("smart").response().text());
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void everyCandidateBehindAnOpenBreakerIsATemporaryCondition() throws Exception {
        for (String key : List.of("primary/gpt-4o", "secondary/claude-3-haiku-20240307")) {
            for (int i = 0; i < 3; i++) {
                breakers.forDeployment(key).onFailure();
            }
        }
        RoutingFailedException e = failure("smart");
        assertInstanceOf(NoCandidateException.class, e);
        assertTrue(((NoCandidateException) e).onlyBreakersOpen());
    }

    @Test
    void requestTooLargeForEveryContextWindowIsRefusedBeforeAnyCall() throws Exception {
        ChatRequest huge = ChatRequest.builder("x").messages(ChatMessage.user("a".repeat(1_000_000))).build();
        var future = engine().complete(resolve("smart"), huge).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(5, TimeUnit.SECONDS));
        NoCandidateException noCandidate = assertInstanceOf(NoCandidateException.class, e.getCause());
        assertFalse(noCandidate.onlyBreakersOpen());
        assertTrue(noCandidate.getMessage().contains("context window 128000 too small"), noCandidate.getMessage());
        assertEquals(0, openai.calls.size() + anthropic.calls.size());
    }

    @Test
    void cheapestRouteTriesTheCheapestFirst() throws Exception {
        RouteDefinition cheap = new RouteDefinition("cheap", RouteStrategy.CHEAPEST, SMART.candidates());
        anthropic.script(SECONDARY, Script.answer("haiku"));
        Resolution resolution = new ModelResolver(providers(), Map.of("cheap", cheap), Optional.empty())
                .resolve("cheap");
        RoutedResponse routed = engine().complete(resolution, hello()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("secondary/claude-3-haiku-20240307", routed.deployment().key());
    }
    @Test
    void cancellingTheAnswerAbortsTheCallInFlightAndNothingFollows() throws Exception {
        openai.script(PRIMARY, Script.hang());
        // no script for the secondary: a fallback would fail the test with "unexpected call"
        CompletableFuture<RoutedResponse> answer = engine().complete(resolve("smart"), hello()).toCompletableFuture();
        assertEquals(1, openai.calls.size());

        assertTrue(answer.cancel(true));

        assertTrue(openai.completionCancelled.get(), "the upstream call is cancelled, so the adapter aborts it");
        Thread.sleep(50);
        assertEquals(1, openai.calls.size(), "no retry");
        assertTrue(anthropic.calls.isEmpty(), "no fallback");
        CircuitBreaker.Snapshot breaker = breakers.forDeployment("primary/gpt-4o").snapshot();
        assertEquals(0, breaker.consecutiveFailures(), "the caller left; the deployment did not fail");
    }

    @Test
    void cancellingDuringABackoffDropsTheRetry() throws Exception {
        settings = new RouterSettings(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofSeconds(1)), false);
        openai.script(PRIMARY, Script.error(unavailable(503)));
        CompletableFuture<RoutedResponse> answer = engine().complete(resolve("smart"), hello()).toCompletableFuture();

        answer.cancel(true);
        Thread.sleep(400);

        assertEquals(1, openai.calls.size(), "the scheduled retry never ran");
        assertTrue(anthropic.calls.isEmpty());
    }
}
