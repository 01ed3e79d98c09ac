package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.catalog.CostCalculator;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The attempt loop for an embeddings request: the same walk as a chat completion (breakers, keys, retries with
 * backoff, fallback, {@link FailurePolicy}), calling the adapter's {@code embeddings}. Cancelling {@code result}
 * stops it as it stops {@link CompletionAttempts}.
 */
final class EmbeddingAttempts extends AttemptLoop {

    private final EmbeddingRequest request;
    private final CompletableFuture<RoutedEmbeddings> result;
    private volatile CompletableFuture<EmbeddingResponse> inFlight;

    EmbeddingAttempts(RouterWiring wiring, Resolution resolution, EmbeddingRequest request, List<Deployment> ordered,
            CompletableFuture<RoutedEmbeddings> result) {
        super(wiring, resolution, ordered);
        this.request = request;
        this.result = result;
        result.whenComplete((routed, failure) -> {
            if (result.isCancelled()) {
                cancelPendingRetry();
                cancelInFlight();
            }
        });
    }

    private void cancelInFlight() {
        CompletableFuture<EmbeddingResponse> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }

    @Override
    protected void call(Deployment deployment, CircuitBreaker breaker, String apiKey) {
        long start = System.nanoTime();
        CompletionStage<EmbeddingResponse> stage;
        try {
            stage = wiring.adapters().apply(deployment.type()).embeddings(wiring.endpoints().apply(deployment),
                    request.withModel(deployment.model().id()), apiKey);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<EmbeddingResponse> call = stage.toCompletableFuture();
        inFlight = call;
        if (result.isCancelled()) {
            cancelInFlight();
        }
        call.whenComplete((response, failure) -> {
            if (failure != null && result.isCancelled()) {
                breaker.onIgnored();
                return;
            }
            if (failure == null) {
                succeeded(deployment, breaker, start);
                wiring.latency().recordTotal(deployment, Duration.ofNanos(System.nanoTime() - start));
                // embeddings produce no output tokens: the cost is input tokens × input price
                result.complete(new RoutedEmbeddings(response, deployment, attempts,
                        CostCalculator.cost(deployment.model(), response.usage().inputTokens(), 0),
                        resolution.route()));
            } else {
                failed(deployment, breaker, TransportFailures.map(deployment.type(), failure), start);
            }
        });
    }

    @Override
    protected void giveUp(RoutingFailedException failure) {
        result.completeExceptionally(failure);
    }

    @Override
    protected boolean stopped() {
        return result.isDone();
    }
}
