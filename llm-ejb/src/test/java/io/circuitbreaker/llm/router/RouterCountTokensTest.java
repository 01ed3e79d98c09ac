package io.circuitbreaker.llm.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.router.RouterEngine.TokenCount;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.routing.RequestNeeds;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Who counts a request's input tokens: the first callable candidate's adapter, else the gateway's estimate. */
class RouterCountTokensTest extends RouterFixture {

    /** An adapter with a counter (as Anthropic's): answers {@code count}, or fails with {@code failure}. */
    private static final class Counter implements LlmProviderClient {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final ProviderType type;
        final OptionalInt count;
        final RuntimeException failure;

        Counter(ProviderType type, OptionalInt count, RuntimeException failure) {
            this.type = type;
            this.count = count;
            this.failure = failure;
        }

        @Override
        public CompletionStage<OptionalInt> countTokens(ProviderEndpoint endpoint, ChatRequest request, String key) {
            asked.add(endpoint.baseUrl() + " " + request.model() + " " + key);
            return failure == null ? CompletableFuture.completedFuture(count) : CompletableFuture.failedFuture(failure);
        }

        @Override
        public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request,
                String key) {
            throw new AssertionError("a count generates nothing");
        }

        @Override
        public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request,
                String key) {
            throw new AssertionError("a count generates nothing");
        }

        @Override
        public ProviderType providerType() {
            return type;
        }

        @Override
        public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
            throw new UnsupportedOperationException();
        }
    }

    private RouterEngine engineWith(LlmProviderClient openaiAdapter, LlmProviderClient anthropicAdapter) {
        Map<ProviderType, LlmProviderClient> adapters = Map.of(ProviderType.OPENAI, openaiAdapter,
                ProviderType.ANTHROPIC, anthropicAdapter, ProviderType.OPENAI_COMPATIBLE, compatible);
        return new RouterEngine(new RouterWiring(adapters::get, d -> ProviderEndpoint.of(d.type(), d.baseUrl()),
                d -> Optional.ofNullable(d.apiKeyId() == null ? null : keys.get(d.apiKeyId())), breakers,
                new LatencyTracker(), new CandidateOrder(new LatencyTracker(), new SplittableRandom(1)), null,
                new SplittableRandom(1), settings, null));
    }

    private static TokenCount count(RouterEngine engine, Resolution resolution) throws Exception {
        return engine.countTokens(resolution, hello()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void anAdapterWithACounterCountsWithTheDeploymentsModelAndKey() throws Exception {
        Counter claude = new Counter(ProviderType.ANTHROPIC, OptionalInt.of(42), null);
        TokenCount count = count(engineWith(openai, claude), resolve("claude-3-haiku-20240307"));
        assertEquals(42, count.inputTokens());
        assertFalse(count.estimated());
        assertEquals("secondary/claude-3-haiku-20240307", count.counter().key());
        assertEquals(List.of(SECONDARY + " claude-3-haiku-20240307 key-secondary"), claude.asked);
    }

    @Test
    void theFirstCandidateInTheRoutesOrderIsAskedAndWithoutACounterTheEstimateAnswers() throws Exception {
        Counter gpt = new Counter(ProviderType.OPENAI, OptionalInt.empty(), null);
        Counter claude = new Counter(ProviderType.ANTHROPIC, OptionalInt.of(42), null);
        TokenCount count = count(engineWith(gpt, claude), resolve("smart"));
        assertTrue(count.estimated());
        assertEquals(RequestNeeds.estimateInputTokens(hello()), count.inputTokens());
        assertEquals("primary/gpt-4o", count.counter().key());
        assertEquals(List.of(), claude.asked, "one candidate is asked, no fallback");
    }

    @Test
    void aCandidateWithoutAKeyIsPassedOver() throws Exception {
        keys.remove("primary");
        Counter claude = new Counter(ProviderType.ANTHROPIC, OptionalInt.of(7), null);
        TokenCount count = count(engineWith(new Counter(ProviderType.OPENAI, OptionalInt.of(1), null), claude),
                resolve("smart"));
        assertEquals(7, count.inputTokens());
        assertEquals("secondary/claude-3-haiku-20240307", count.counter().key());
    }

    @Test
    void noCallableCandidateIsTheEstimate() throws Exception {
        keys.clear();
        Counter claude = new Counter(ProviderType.ANTHROPIC, OptionalInt.of(7), null);
        TokenCount count = count(engineWith(openai, claude), resolve("smart"));
        assertTrue(count.estimated());
        assertNull(count.counter());
        assertEquals(List.of(), claude.asked);
    }

    @Test
    void aCounterThatRefusesFailsWithTheGatewaysErrorType() {
        Counter claude = new Counter(ProviderType.ANTHROPIC, OptionalInt.empty(), new InvalidRequestException(
                ProviderType.ANTHROPIC, 400, "invalid_request_error", "messages.0: bad"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> count(engineWith(openai, claude),
                resolve("claude-3-haiku-20240307")));
        GatewayException failure = GatewayException.of(e);
        assertEquals(GatewayError.UPSTREAM, failure.error());
        assertEquals(Optional.of(ErrorKind.INVALID_REQUEST), failure.upstreamKind());
    }
}
