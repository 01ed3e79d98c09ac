package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.access.AccessGuard;
import io.circuitbreaker.llm.access.Admission;
import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.observability.GatewayTracing;
import io.circuitbreaker.llm.router.LlmRouter;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.CallerContext;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.usage.UsageEvent;
import io.circuitbreaker.llm.usage.UsageQueue;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.circuitbreaker.llm.model.StreamChunk;

/**
 * The chat use case: admit → resolve once → route → settle → record, for complete and streamed answers. Every front
 * door calls this and nothing else for a chat request. On the request path the router is the one EJB call; the
 * rest is CDI and plain objects (the usage record goes to a queue that a background task writes).
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class.getName());

    @EJB
    LlmRouter router;

    @Inject
    RouterRuntime routes;

    @Inject
    AccessGuard access;

    @Inject
    UsageQueue usage;

    @Inject
    GatewayTracing tracing;

    /**
     * Admits the call and routes it for a complete answer.
     *
     * @throws GatewayException when the request is refused before anything goes upstream (key, unknown model, rate
     *                          limit, budget)
     */
    public ChatReply complete(ChatCall call) {
        long start = System.nanoTime();
        Admitted admitted = admit(call);
        Context traceParent = Context.current();
        Instant startedAt = Instant.now();
        CompletionStage<RoutedResponse> routed;
        try {
            routed = router.chatCompletion(admitted.resolution(), call.request());
        } catch (RuntimeException e) {
            routed = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RoutedResponse> answer = new CompletableFuture<>();
        CompletionStage<RoutedResponse> routing = routed;
        // the front door cancels the answer when its client has gone: the routing stops, retries and all
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                routing.toCompletableFuture().cancel(true);
            }
        });
        routed.whenComplete((response, failure) -> {
            GatewayException failed = failure == null ? null : GatewayException.of(failure);
            try {
                UsageEvent event = UsageEvents.completion(admitted.caller(), admitted.resolution(), response,
                        failed, millisSince(start));
                finish(admitted.caller(), event);
                tracing.completion(traceParent, startedAt, admitted.resolution(), call.request(), response, failed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording request " + call.requestId() + " failed", e);
            }
            if (failed == null) {
                answer.complete(response);
            } else {
                answer.completeExceptionally(failed);
            }
        });
        return new ChatReply(admitted.admission().rateLimitHeaders(), answer);
    }

    /**
     * Admits the call and routes it for a streamed answer.
     *
     * @param onCommit learns which deployment serves the stream just before its first chunk (for response headers)
     * @throws GatewayException when the request is refused, or no deployment can serve it, before any stream
     */
    public ChatStream stream(ChatCall call, Consumer<Deployment> onCommit) {
        Admitted admitted = admit(call);
        Context traceParent = Context.current();
        Instant startedAt = Instant.now();
        try {
            Flow.Publisher<StreamChunk> chunks = router.streamChatCompletion(admitted.resolution(), call.request(),
                    summary -> {
                        finish(admitted.caller(), UsageEvents.stream(admitted.caller(), admitted.resolution(),
                                summary));
                        tracing.stream(traceParent, startedAt, admitted.resolution(), call.request(), summary);
                    }, onCommit);
            return new ChatStream(admitted.admission().rateLimitHeaders(), chunks);
        } catch (RuntimeException e) {
            admitted.caller().settlement().settle(null, 0); // nothing was called: the reservation is released
            throw GatewayException.of(e);
        }
    }

    private record Admitted(Resolution resolution, Admission admission, CallerContext caller) {
    }

    private Admitted admit(ChatCall call) {
        ChatRequest request = call.request();
        GatewayKey key = access.activeKey(call.keyId());
        Resolution resolution = routes.resolve(request.model());
        Admission admission = access.admit(key, request, resolution);
        return new Admitted(resolution, admission, admission.caller(call.requestId()));
    }

    /** The caller's budget and token limit learn the real cost first: the next request may depend on it. */
    private void finish(CallerContext caller, UsageEvent event) {
        try {
            long tokens = (event.inputTokens() == null ? 0L : event.inputTokens())
                    + (event.outputTokens() == null ? 0L : event.outputTokens());
            caller.settlement().settle(event.costUsd(), tokens);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling request " + event.requestId() + " failed", e);
        }
        usage.record(event);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
