package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.RoutedResponse;

import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The attempt loop for a complete (non-streamed) answer.
 *
 * <p>Cancelling {@code result} (the caller went away) stops the loop: no retry or fallback follows, a pending backoff
 * is dropped, and the call in flight is cancelled, which makes the adapter abort its upstream exchange. The cancelled
 * call tells its breaker nothing against the deployment ({@link CircuitBreaker#onIgnored()}, which frees a half-open
 * trial): the caller left, the upstream did not fail.
 */
final class CompletionAttempts extends AttemptLoop {

    private final ChatRequest request;
    private final CompletableFuture<RoutedResponse> result;
    private volatile CompletableFuture<ChatResponse> inFlight;

    CompletionAttempts(RouterWiring wiring, Resolution resolution, ChatRequest request, List<Deployment> ordered,
            CompletableFuture<RoutedResponse> result) {
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
        CompletableFuture<ChatResponse> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }

    @Override
    protected void call(Deployment deployment, CircuitBreaker breaker, String apiKey) {
        long start = System.nanoTime();
        CompletionStage<ChatResponse> stage;
        try {
            stage = wiring.adapters().apply(deployment.type()).chatCompletion(wiring.endpoints().apply(deployment),
                    request.withModel(deployment.model().id()), apiKey);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ChatResponse> call = stage.toCompletableFuture();
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
                result.complete(RouterEngine.routed(response, deployment, attempts, resolution));
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
