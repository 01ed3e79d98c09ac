package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.routing.StreamSummary;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.catalog.CostCalculator;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.router.routing.CandidateFilter;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.RequestNeeds;
import io.circuitbreaker.llm.routing.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a resolved request: filters the candidates, orders them by the route's strategy, and tries them with
 * retries, backoff and fallback, keeping each deployment's breaker informed. Non-blocking throughout: waits are
 * scheduled, never slept. Routing decisions are logged at FINE with their reasons, never with keys.
 */
public final class RouterEngine {

    static final Logger LOG = Logger.getLogger(RouterEngine.class.getName());

    private final RouterWiring wiring;

    public RouterEngine(RouterWiring wiring) {
        this.wiring = wiring;
    }

    public CompletionStage<RoutedResponse> complete(Resolution resolution, ChatRequest request) {
        List<Deployment> ordered;
        try {
            ordered = plan(resolution, request, false);
        } catch (NoCandidateException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RoutedResponse> result = new CompletableFuture<>();
        new CompletionAttempts(wiring, resolution, request, ordered, result).next();
        return result;
    }

    /**
     * An embeddings answer, routed as a complete chat answer is (same loop, breakers, retries and fallback) over the
     * candidates that can embed ({@link CandidateFilter#filterForEmbeddings}), in the route's strategy order.
     */
    public CompletionStage<RoutedEmbeddings> embed(Resolution resolution, EmbeddingRequest request) {
        List<Deployment> ordered;
        try {
            ordered = planEmbeddings(resolution, request);
        } catch (NoCandidateException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RoutedEmbeddings> result = new CompletableFuture<>();
        new EmbeddingAttempts(wiring, resolution, request, ordered, result).next();
        return result;
    }

    /** The candidates that can embed, in the order they will be tried; throws when none can. */
    List<Deployment> planEmbeddings(Resolution resolution, EmbeddingRequest request) {
        CandidateFilter.Result filtered = CandidateFilter.filterForEmbeddings(resolution.candidates(),
                request.dimensions() != null, d -> wiring.adapters().apply(d.type()).supportsEmbeddings(),
                d -> wiring.breakers().forDeployment(d).isAvailable());
        if (filtered.usable().isEmpty()) {
            throw new NoCandidateException(resolution.requested(), filtered.skipped(), resolution.route());
        }
        // no chat needs: the strategy orders by price, latency or weight alone
        RequestNeeds needs = new RequestNeeds(false, false, false, request.estimatedTokens(), 0);
        return wiring.order().order(filtered.usable(), resolution.strategy(), needs);
    }

    /**
     * A streamed answer. Retries and fallback happen only until the first chunk has reached the subscriber; after
     * that an upstream failure ends the stream with a typed error, never a restart that would repeat text.
     *
     * @param onFinish called once when the stream ends (completed, failed or cancelled), for usage recording
     */
    public Flow.Publisher<StreamChunk> stream(Resolution resolution, ChatRequest request,
            Consumer<StreamSummary> onFinish) {
        return stream(resolution, request, onFinish, deployment -> { });
    }

    /**
     * As {@link #stream(Resolution, ChatRequest, Consumer)}; {@code onCommit} learns which deployment serves the
     * stream just before its first chunk goes out (callers put it in response headers).
     */
    public Flow.Publisher<StreamChunk> stream(Resolution resolution, ChatRequest request,
            Consumer<StreamSummary> onFinish, Consumer<Deployment> onCommit) {
        List<Deployment> ordered = plan(resolution, request, true);
        return subscriber -> new StreamAttempts(wiring, resolution, request, ordered, subscriber, onFinish, onCommit)
                .start();
    }

    /**
     * A request's input tokens, as counted (or estimated) for a resolved model.
     *
     * @param inputTokens the count
     * @param estimated   whether it is the gateway's estimate ({@link RequestNeeds#estimateInputTokens}) rather than
     *                    the provider's own count
     * @param counter     the deployment whose adapter was asked; {@code null} when none could be
     */
    public record TokenCount(int inputTokens, boolean estimated, Deployment counter) {
    }

    /**
     * Counts the request's input tokens for the resolved model: the first candidate, in the resolution's order, that
     * can be called (its breaker is not open and its key is configured, or it needs none) asks its adapter, with the
     * request's model replaced by the deployment's model id. An adapter without a counter (OpenAI, Gemini) answers
     * empty, and so does the lack of any callable candidate: then the gateway's documented estimate. No retry or
     * fallback, and breakers are not told: a count spends nothing and routes nothing. A counter that fails fails the
     * stage with the gateway's error type (e.g. Anthropic refusing a malformed request), so the caller learns why
     * rather than getting a number for a request the provider would not take.
     */
    public CompletionStage<TokenCount> countTokens(Resolution resolution, ChatRequest request) {
        for (Deployment deployment : resolution.candidates()) {
            if (!wiring.breakers().forDeployment(deployment).isAvailable()) {
                continue;
            }
            Optional<String> key = wiring.apiKeys().apply(deployment);
            if (key.isEmpty() && deployment.type() != ProviderType.OPENAI_COMPATIBLE) {
                continue;
            }
            CompletionStage<OptionalInt> counted;
            try {
                counted = wiring.adapters().apply(deployment.type()).countTokens(wiring.endpoints().apply(deployment),
                        request.withModel(deployment.model().id()), key.orElse(null));
            } catch (RuntimeException e) {
                counted = CompletableFuture.failedFuture(e);
            }
            return counted.handle((count, failure) -> {
                if (failure != null) {
                    throw GatewayException.of(TransportFailures.map(deployment.type(), failure));
                }
                return count.isPresent() ? new TokenCount(count.getAsInt(), false, deployment)
                        : new TokenCount(RequestNeeds.estimateInputTokens(request), true, deployment);
            });
        }
        return CompletableFuture.completedFuture(new TokenCount(RequestNeeds.estimateInputTokens(request), true,
                null));
    }

    /** The usable candidates in the order they will be tried; throws when none can serve the request. */
    List<Deployment> plan(Resolution resolution, ChatRequest request, boolean stream) {
        RequestNeeds needs = RequestNeeds.of(request, stream);
        CandidateFilter.Result filtered = CandidateFilter.filter(resolution.candidates(), needs,
                d -> wiring.breakers().forDeployment(d).isAvailable());
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("route \"" + resolution.requested() + "\" (" + resolution.how() + ", "
                    + resolution.strategy() + "): candidates " + keys(resolution.candidates()) + ", skipped "
                    + filtered.skipped());
        }
        if (filtered.usable().isEmpty()) {
            throw new NoCandidateException(resolution.requested(), filtered.skipped(), resolution.route());
        }
        List<Deployment> ordered = wiring.order().order(filtered.usable(), resolution.strategy(), needs);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("route \"" + resolution.requested() + "\": trying in order " + keys(ordered));
        }
        return ordered;
    }

    static Optional<Cost> cost(Deployment deployment, Usage usage) {
        if (usage == null) {
            return Optional.empty();
        }
        return CostCalculator.cost(deployment.model(), usage);
    }

    static RoutedResponse routed(ChatResponse response, Deployment deployment, List<Attempt> attempts,
            Resolution resolution) {
        return new RoutedResponse(response, deployment, attempts, cost(deployment, response.usage()),
                resolution.route());
    }

    private static List<String> keys(List<Deployment> deployments) {
        return deployments.stream().map(Deployment::key).toList();
    }
}
