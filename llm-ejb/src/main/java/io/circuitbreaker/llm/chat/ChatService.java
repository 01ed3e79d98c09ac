package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.access.AccessGuard;
import io.circuitbreaker.llm.access.Admission;
import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.cache.AnswerChunks;
import io.circuitbreaker.llm.cache.CacheDirective;
import io.circuitbreaker.llm.cache.CacheOutcome;
import io.circuitbreaker.llm.cache.CachePlan;
import io.circuitbreaker.llm.cache.CachedAnswer;
import io.circuitbreaker.llm.cache.ReplayPublisher;
import io.circuitbreaker.llm.cache.ResponseCache;
import io.circuitbreaker.llm.cache.StreamCapture;
import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.StreamChunk;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chat use case: admit → resolve once → (response cache) → route → settle → record, for complete and streamed
 * answers. Every front door calls this and nothing else for a chat request. On the request path the router is the
 * one EJB call; the rest is CDI and plain objects (the usage record goes to a queue that a background task writes).
 *
 * <p>The response cache sits after admission: a hit is a request like any other for the key's requests-per-minute
 * (it was made), but costs nothing against its budget or tokens-per-minute (nothing was used upstream), so its
 * reservation is released at once.
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

    @Inject
    ResponseCache cache;

    /**
     * Admits the call and routes it for a complete answer, or answers it from the response cache.
     *
     * @throws GatewayException when the request is refused before anything goes upstream (key, unknown model, rate
     *                          limit, budget, a cache header it cannot read)
     */
    public ChatReply complete(ChatCall call) {
        long start = System.nanoTime();
        CacheDirective.Mode mode = cacheMode(call);
        Admitted admitted = admit(call);
        Optional<CachePlan> plan = cache.plan(call.keyId(), admitted.resolution(), call.request(), mode);
        Optional<Served> served = plan.flatMap(p -> servedFromCache(p, admitted));
        if (served.isPresent()) {
            RoutedResponse routed = served.get().routed();
            settleHit(admitted, served.get(), false, millisSince(start));
            return new ChatReply(admitted.admission().rateLimitHeaders(), CompletableFuture.completedFuture(routed),
                    CacheOutcome.HIT);
        }
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
                finish(admitted.caller(), plan.isPresent() ? event.withCache(UsageEvent.CACHE_MISS, null) : event);
                tracing.completion(traceParent, startedAt, admitted.resolution(), call.request(), response, failed);
                // stored before the caller has the answer, so the caller's next identical request finds it
                if (response != null && plan.isPresent()) {
                    cache.store(plan.get(), response.response(), response.deployment().providerId(),
                            response.deployment().model().id(), response.cost().map(Cost::total).orElse(null));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording request " + call.requestId() + " failed", e);
            }
            if (failed == null) {
                answer.complete(response);
            } else {
                answer.completeExceptionally(failed);
            }
        });
        return new ChatReply(admitted.admission().rateLimitHeaders(), answer,
                plan.isPresent() ? CacheOutcome.MISS : CacheOutcome.OFF);
    }

    /**
     * Admits the call and routes it for a streamed answer, or replays a cached answer as a stream.
     *
     * @param onCommit learns which deployment serves the stream just before its first chunk (for response headers)
     * @throws GatewayException when the request is refused, or no deployment can serve it, before any stream
     */
    public ChatStream stream(ChatCall call, Consumer<Deployment> onCommit) {
        long start = System.nanoTime();
        CacheDirective.Mode mode = cacheMode(call);
        Admitted admitted = admit(call);
        Optional<CachePlan> plan = cache.plan(call.keyId(), admitted.resolution(), call.request(), mode);
        Optional<Served> served = plan.flatMap(p -> servedFromCache(p, admitted));
        if (served.isPresent()) {
            RoutedResponse routed = served.get().routed();
            settleHit(admitted, served.get(), true, millisSince(start));
            onCommit.accept(routed.deployment());
            return new ChatStream(admitted.admission().rateLimitHeaders(),
                    new ReplayPublisher(AnswerChunks.of(routed.response())), CacheOutcome.HIT);
        }
        Context traceParent = Context.current();
        Instant startedAt = Instant.now();
        StreamCapture capture = plan.map(p -> new StreamCapture(done -> cache.store(p, done.response(),
                done.summary().deployment().providerId(), done.summary().deployment().model().id(),
                done.summary().cost().map(Cost::total).orElse(null)))).orElse(null);
        try {
            Flow.Publisher<StreamChunk> chunks = router.streamChatCompletion(admitted.resolution(), call.request(),
                    summary -> {
                        UsageEvent event = UsageEvents.stream(admitted.caller(), admitted.resolution(), summary);
                        finish(admitted.caller(), capture == null ? event
                                : event.withCache(UsageEvent.CACHE_MISS, null));
                        tracing.stream(traceParent, startedAt, admitted.resolution(), call.request(), summary);
                        if (capture != null) {
                            capture.summary(summary);
                        }
                    }, onCommit);
            return new ChatStream(admitted.admission().rateLimitHeaders(),
                    capture == null ? chunks : capture.watch(chunks),
                    capture == null ? CacheOutcome.OFF : CacheOutcome.MISS);
        } catch (RuntimeException e) {
            admitted.caller().settlement().settle(null, 0); // nothing was called: the reservation is released
            throw GatewayException.of(e);
        }
    }

    private record Admitted(Resolution resolution, Admission admission, CallerContext caller) {
    }

    /** A cached answer as the router would have returned it, and what it saved. */
    private record Served(RoutedResponse routed, BigDecimal saved) {
    }

    private Admitted admit(ChatCall call) {
        ChatRequest request = call.request();
        GatewayKey key = access.activeKey(call.keyId());
        Resolution resolution = routes.resolve(request.model());
        Admission admission = access.admit(key, request, resolution);
        return new Admitted(resolution, admission, admission.caller(call.requestId()));
    }

    /** Read before admission, so a request refused for a bad header uses nothing of the key's limits. */
    private static CacheDirective.Mode cacheMode(ChatCall call) {
        try {
            return call.cache().mode();
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.INVALID_REQUEST, e.getMessage());
        }
    }

    /**
     * The stored answer, when there is one and the deployment that produced it is still a candidate for this
     * request (a route whose candidates changed, or a provider removed, no longer serves its old answers).
     */
    private Optional<Served> servedFromCache(CachePlan plan, Admitted admitted) {
        Optional<CachedAnswer> stored = cache.lookup(plan);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        CachedAnswer answer = stored.get();
        return admitted.resolution().candidates().stream()
                .filter(d -> d.providerId().equals(answer.providerId()) && d.model().id().equals(answer.modelId()))
                .findFirst()
                .map(deployment -> new Served(new RoutedResponse(answer.response(), deployment, List.of(),
                        Optional.of(Cost.of(List.of(), false)), admitted.resolution().route()), answer.cost()));
    }

    /** A hit releases the reservation (it cost nothing, used no tokens) and is recorded with what it saved. */
    private void settleHit(Admitted admitted, Served served, boolean streamed, long latencyMs) {
        try {
            admitted.caller().settlement().settle(BigDecimal.ZERO, 0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling request " + admitted.caller().requestId() + " failed", e);
        }
        usage.record(UsageEvents.cacheHit(admitted.caller(), admitted.resolution(), served.routed().deployment(),
                served.routed().response(), served.saved(), streamed, latencyMs));
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
