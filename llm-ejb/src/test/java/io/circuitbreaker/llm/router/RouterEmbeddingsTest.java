package io.circuitbreaker.llm.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Embedding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.router.routing.ModelResolver;
import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Embeddings through the router: capable candidates only, the shared attempt loop, exact cost. */
class RouterEmbeddingsTest extends RouterFixture {

    /** An adapter with embeddings: answers from a script (a usage count, or a failure), recording each call. */
    private static final class Embedder implements LlmProviderClient {
        final ProviderType type;
        final Deque<Object> script = new ArrayDeque<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        Embedder(ProviderType type, Object... outcomes) {
            this.type = type;
            script.addAll(List.of(outcomes));
        }

        @Override
        public boolean supportsEmbeddings() {
            return true;
        }

        @Override
        public CompletionStage<EmbeddingResponse> embeddings(ProviderEndpoint endpoint, EmbeddingRequest request,
                String apiKey) {
            calls.add(endpoint.baseUrl() + " " + request.model() + " " + apiKey + " " + request.dimensions());
            Object next = script.isEmpty() ? 0 : script.poll();
            if (next instanceof RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.completedFuture(new EmbeddingResponse(request.model(),
                    List.of(new Embedding(0, new float[] {1f})), Usage.of((Integer) next, 0), false));
        }

        @Override
        public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint e, ChatRequest r, String k) {
            throw new AssertionError("an embeddings request never chats");
        }

        @Override
        public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint e, ChatRequest r, String k) {
            throw new AssertionError("an embeddings request never chats");
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

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopRetries() {
        retries.shutdownNow();
    }

    static final RouteDefinition EMBED = new RouteDefinition("embed", RouteStrategy.FALLBACK, List.of(
            new RouteDefinition.Candidate("primary/text-embedding-3-small", 1),
            new RouteDefinition.Candidate("local/nomic-embed-text", 1)));

    private RouterEngine engineWith(LlmProviderClient openaiAdapter, LlmProviderClient compatibleAdapter) {
        Map<ProviderType, LlmProviderClient> adapters = Map.of(ProviderType.OPENAI, openaiAdapter,
                ProviderType.ANTHROPIC, anthropic, ProviderType.OPENAI_COMPATIBLE, compatibleAdapter);
        return new RouterEngine(new RouterWiring(adapters::get, d -> ProviderEndpoint.of(d.type(), d.baseUrl()),
                d -> Optional.ofNullable(d.apiKeyId() == null ? null : keys.get(d.apiKeyId())), breakers,
                new LatencyTracker(), new CandidateOrder(new LatencyTracker(), new SplittableRandom(1)), retries,
                new SplittableRandom(1), settings, null));
    }

    private Resolution resolveWithRoute(String model) {
        return new ModelResolver(providers(), Map.of("embed", EMBED), Optional.empty()).resolve(model);
    }

    static EmbeddingRequest texts(Integer dimensions) {
        return new EmbeddingRequest("ignored", List.of(new EmbeddingInput.Text("hello world")), dimensions, null,
                null);
    }

    private static RoutedEmbeddings embed(RouterEngine engine, Resolution resolution, EmbeddingRequest request)
            throws Exception {
        return engine.embed(resolution, request).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static RoutingFailedException failure(RouterEngine engine, Resolution resolution,
            EmbeddingRequest request) throws Exception {
        try {
            embed(engine, resolution, request);
        } catch (ExecutionException e) {
            return (RoutingFailedException) e.getCause();
        }
        throw new AssertionError("expected a routing failure");
    }

    @Test
    void anEmbeddingModelIsCalledWithItsIdAndKeyAndCostsItsInputExactly() throws Exception {
        Embedder gpt = new Embedder(ProviderType.OPENAI, 1_234);
        RoutedEmbeddings routed = embed(engineWith(gpt, compatible), resolve("text-embedding-3-small"), texts(256));
        assertEquals(List.of(PRIMARY + " text-embedding-3-small key-primary 256"), gpt.calls);
        assertEquals("primary/text-embedding-3-small", routed.deployment().key());
        // 1,234 tokens × $0.02 per million
        assertEquals("0.00002468", routed.cost().orElseThrow().total().toPlainString());
    }

    @Test
    void retryableFailuresAreRetriedThenTheRouteFallsBack() throws Exception {
        Embedder gpt = new Embedder(ProviderType.OPENAI, unavailable(503), unavailable(503), unavailable(503));
        Embedder local = new Embedder(ProviderType.OPENAI_COMPATIBLE, 3);
        RoutedEmbeddings routed = embed(engineWith(gpt, local), resolveWithRoute("embed"), texts(null));
        assertEquals(3, gpt.calls.size(), "attempts-per-deployment tries of the first candidate");
        assertEquals(List.of(LOCAL + " nomic-embed-text null null"), local.calls);
        assertEquals("local/nomic-embed-text", routed.deployment().key());
        assertEquals(4, routed.attempts().size());
        assertEquals(Attempt.Outcome.SUCCEEDED, routed.attempts().get(3).outcome());
        assertTrue(routed.cost().isEmpty(), "a passthrough model is unpriced");
    }

    @Test
    void aClientErrorIsReturnedAtOnce() throws Exception {
        Embedder gpt = new Embedder(ProviderType.OPENAI,
                new InvalidRequestException(ProviderType.OPENAI, 400, null, "input too long"));
        Embedder local = new Embedder(ProviderType.OPENAI_COMPATIBLE, 3);
        RoutingFailedException failed = failure(engineWith(gpt, local), resolveWithRoute("embed"), texts(null));
        assertEquals(GatewayError.UPSTREAM, failed.error());
        assertEquals(List.of(), local.calls);
    }

    @Test
    void anAnthropicModelIsRefusedNamingTheProvider() throws Exception {
        RoutingFailedException failed = failure(engineWith(new Embedder(ProviderType.OPENAI), compatible),
                resolve("claude-3-haiku-20240307"), texts(null));
        assertInstanceOf(NoCandidateException.class, failed);
        assertEquals(GatewayError.NO_CAPABLE_MODEL, failed.error());
        assertTrue(failed.getMessage().contains(
                "secondary/claude-3-haiku-20240307: provider type anthropic has no embeddings API"),
                failed.getMessage());
    }

    @Test
    void chatModelsAreNotChosenForEmbeddingsNorFixedSizeModelsForDimensions() throws Exception {
        Embedder gpt = new Embedder(ProviderType.OPENAI);
        RoutingFailedException chat = failure(engineWith(gpt, compatible), resolve("gpt-4o"), texts(null));
        assertTrue(chat.getMessage().contains("primary/gpt-4o: not an embedding model"), chat.getMessage());
        RoutingFailedException ada = failure(engineWith(gpt, compatible), resolve("text-embedding-ada-002"),
                texts(512));
        assertTrue(ada.getMessage().contains("the model cannot change its dimensions"), ada.getMessage());
        assertEquals(List.of(), gpt.calls);
    }

    @Test
    void embeddingModelsAreNotChosenForChat() throws Exception {
        RoutingFailedException failed = failure("text-embedding-3-small");
        assertInstanceOf(NoCandidateException.class, failed);
        assertTrue(failed.getMessage().contains("an embedding model, not a chat model"), failed.getMessage());
        assertEquals(List.of(), openai.calls);
    }
}
