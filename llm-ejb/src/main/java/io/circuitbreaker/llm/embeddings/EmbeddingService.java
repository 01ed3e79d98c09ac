package io.circuitbreaker.llm.embeddings;

import io.circuitbreaker.llm.access.AccessGuard;
import io.circuitbreaker.llm.access.Admission;
import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.chat.UsageEvents;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.router.LlmRouter;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.CallerContext;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.usage.UsageEvent;
import io.circuitbreaker.llm.usage.UsageQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embeddings use case: admit → resolve once → route → settle → record, as {@code ChatService} does for chat.
 * The same key check, rate limits and budget ({@link AccessGuard}), the same router with retries, fallback and
 * breakers ({@link LlmRouter#embeddings}), and the same usage records (input tokens, exact cost at the input price),
 * which also feed the metrics. No trace span: the tracing port speaks chat requests only.
 */
@ApplicationScoped
public class EmbeddingService {

    private static final Logger LOG = Logger.getLogger(EmbeddingService.class.getName());

    @EJB
    LlmRouter router;

    @Inject
    RouterRuntime routes;

    @Inject
    AccessGuard access;

    @Inject
    UsageQueue usage;

    /**
     * Admits the call and routes it.
     *
     * @throws GatewayException when the request is refused before anything goes upstream (key, unknown model, rate
     *                          limit, budget)
     */
    public EmbeddingReply embed(EmbeddingCall call) {
        long start = System.nanoTime();
        GatewayKey key = access.activeKey(call.keyId());
        Resolution resolution = routes.resolve(call.request().model());
        Admission admission = access.admit(key, call.request(), resolution);
        CallerContext caller = admission.caller(call.requestId());
        CompletionStage<RoutedEmbeddings> routed;
        try {
            routed = router.embeddings(resolution, call.request());
        } catch (RuntimeException e) {
            routed = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RoutedEmbeddings> answer = new CompletableFuture<>();
        CompletionStage<RoutedEmbeddings> routing = routed;
        // the front door cancels the answer when its client has gone: the routing stops, retries and all
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                routing.toCompletableFuture().cancel(true);
            }
        });
        routed.whenComplete((response, failure) -> {
            GatewayException failed = failure == null ? null : GatewayException.of(failure);
            try {
                finish(caller, UsageEvents.embeddings(caller, resolution, response, failed,
                        (System.nanoTime() - start) / 1_000_000));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording request " + call.requestId() + " failed", e);
            }
            if (failed == null) {
                answer.complete(response);
            } else {
                answer.completeExceptionally(failed);
            }
        });
        return new EmbeddingReply(admission.rateLimitHeaders(), answer);
    }

    /** The budget and token limit learn the real cost first (the next request may depend on it), then the record. */
    private void finish(CallerContext caller, UsageEvent event) {
        try {
            caller.settlement().settle(event.costUsd(), event.inputTokens() == null ? 0L : event.inputTokens());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settling request " + event.requestId() + " failed", e);
        }
        usage.record(event);
    }
}
