package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.routing.TrafficObserver;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two providers, a fallback route, scripted fake upstreams and a controllable clock. */
abstract class RouterFixture {

    static final String PRIMARY = "http://primary.test/v1";
    static final String SECONDARY = "http://secondary.test";
    static final String LOCAL = "http://localhost:11434/v1";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final FakeAdapter openai = new FakeAdapter(ProviderType.OPENAI);
    final FakeAdapter anthropic = new FakeAdapter(ProviderType.ANTHROPIC);
    final FakeAdapter compatible = new FakeAdapter(ProviderType.OPENAI_COMPATIBLE);
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    /** Hears every call's outcome; tests of passive health replace it. */
    TrafficObserver traffic = TrafficObserver.NONE;
    final BreakerRegistry breakers = new BreakerRegistry(new BreakerSettings(3, 0.5, 10, 10, Duration.ofSeconds(30)),
            now::get);
    Map<String, String> keys = new java.util.HashMap<>(Map.of("primary", "key-primary", "secondary", "key-secondary"));
    RouterSettings settings = new RouterSettings(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(1)), false);

    static List<ProviderDefinition> providers() {
        List<ModelDefinition> openaiModels = CatalogReader.defaultCatalog().get(0).models();
        List<ModelDefinition> anthropicModels = CatalogReader.defaultCatalog().get(1).models();
        return List.of(
                new ProviderDefinition("primary", ProviderType.OPENAI, "Primary", PRIMARY, "primary", openaiModels),
                new ProviderDefinition("secondary", ProviderType.ANTHROPIC, "Secondary", SECONDARY, "secondary",
                        anthropicModels),
                // a local OpenAI-compatible server: no key configured, none needed
                new ProviderDefinition("local", ProviderType.OPENAI_COMPATIBLE, "Local", LOCAL, null, List.of()));
    }

    static final RouteDefinition SMART = new RouteDefinition("smart", RouteStrategy.FALLBACK, List.of(
            new RouteDefinition.Candidate("primary/gpt-4o", 1),
            new RouteDefinition.Candidate("secondary/claude-3-haiku-20240307", 1)));

    RouterEngine engine() {
        Map<ProviderType, FakeAdapter> adapters = new EnumMap<>(Map.of(ProviderType.OPENAI, openai,
                ProviderType.ANTHROPIC, anthropic, ProviderType.OPENAI_COMPATIBLE, compatible));
        return new RouterEngine(new RouterWiring(adapters::get,
                d -> ProviderEndpoint.of(d.type(), d.baseUrl()),
                d -> Optional.ofNullable(d.apiKeyId() == null ? null : keys.get(d.apiKeyId())),
                breakers, new LatencyTracker(), new CandidateOrder(new LatencyTracker(), new SplittableRandom(1)),
                scheduler, new SplittableRandom(1), settings, traffic));
    }

    Resolution resolve(String model) {
        return new ModelResolver(providers(), Map.of("smart", SMART), Optional.empty()).resolve(model);
    }

    static ChatRequest hello() {
        return ChatRequest.builder("ignored").messages(ChatMessage.user("hello")).maxTokens(50).build();
    }

    RoutedResponse complete(String model) throws Exception {
        return engine().complete(resolve(model), hello()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    RoutingFailedException failure(String model) throws Exception {
        try {
            complete(model);
        } catch (ExecutionException e) {
            return (RoutingFailedException) e.getCause();
        }
        throw new AssertionError("expected a routing failure");
    }

    static ProviderUnavailableException unavailable(int status) {
        return new ProviderUnavailableException(ProviderType.OPENAI, status, "x", "down", false, null);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }
}
