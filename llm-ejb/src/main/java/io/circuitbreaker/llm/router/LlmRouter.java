package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.CallerContext;
import io.circuitbreaker.llm.routing.RoutedResponse;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.observability.GatewayTracing;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.usage.UsageEvent;
import io.circuitbreaker.llm.usage.UsageRecorder;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The router: the design document's {@code chat_completion} and {@code stream_chat_completion}. Resolves the
 * requested model, routes with retries, fallback and breakers, and records one usage record per request.
 *
 * <p>Never holds a transaction: upstream calls take seconds, and a transaction open that long would pin a
 * connection and time out. The methods return at once; the answer completes on the HTTP client's threads.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LlmRouter {

    private static final Logger LOG = Logger.getLogger(LlmRouter.class.getName());

    @Inject
    RouterRuntime runtime;

    @EJB
    UsageRecorder usage;

    @Inject
    GatewayTracing tracing;

    /** A complete answer; the stage fails with {@link RoutingFailedException} (or an unknown-model error). */
    public CompletionStage<RoutedResponse> chatCompletion(ChatRequest request, CallerContext caller) {
        long start = System.nanoTime();
        Resolution resolution;
        try {
            resolution = runtime.resolve(request.model());
        } catch (RuntimeException e) {
            caller.settlement().settle(null, 0);
            return CompletableFuture.failedFuture(e);
        }
        Context traceParent = Context.current();
        Instant startedAt = Instant.now();
        return runtime.engine().complete(resolution, request).whenComplete((routed, failure) -> {
            UsageEvent event = UsageEvents.completion(caller, resolution, routed, failure,
                    AttemptLoop.millisSince(start));
            settle(caller, event);
            usage.record(event);
            tracing.completion(traceParent, startedAt, resolution, request, routed, failure);
        });
    }

    /**
     * A streamed answer; retries and fallback apply until the first chunk. Throws at once (before any stream) when
     * the model is unknown or no deployment can serve the request.
     */
    public Flow.Publisher<StreamChunk> streamChatCompletion(ChatRequest request, CallerContext caller) {
        return streamChatCompletion(request, caller, deployment -> { });
    }

    /**
     * As {@link #streamChatCompletion(ChatRequest, CallerContext)}; {@code onCommit} learns which deployment serves
     * the stream just before its first chunk is handed over.
     */
    public Flow.Publisher<StreamChunk> streamChatCompletion(ChatRequest request, CallerContext caller,
            Consumer<Deployment> onCommit) {
        try {
            Resolution resolution = runtime.resolve(request.model());
            Context traceParent = Context.current();
            Instant startedAt = Instant.now();
            return runtime.engine().stream(resolution, request, summary -> {
                UsageEvent event = UsageEvents.stream(caller, resolution, summary);
                settle(caller, event);
                usage.record(event);
                tracing.stream(traceParent, startedAt, resolution, request, summary);
            }, onCommit);
        } catch (RuntimeException e) {
            caller.settlement().settle(null, 0); // nothing was called: the caller's reservation is released
            throw e;
        }
    }

    /** The caller's budget and token limit learn the real cost first: the next request may depend on it. */
    private static void settle(CallerContext caller, UsageEvent event) {
        try {
            long tokens = (event.inputTokens() == null ? 0L : event.inputTokens())
                    + (event.outputTokens() == null ? 0L : event.outputTokens());
            caller.settlement().settle(event.costUsd(), tokens);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling request " + event.requestId() + " failed", e);
        }
    }
}
