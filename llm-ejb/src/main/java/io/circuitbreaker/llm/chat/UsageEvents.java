package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.CallerContext;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.routing.StreamSummary;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.catalog.CostDetail;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Builds the usage record of a routed request from its outcome. Public for the other use cases (embeddings), so a
 * record has one shape whatever produced it.
 */
public final class UsageEvents {

    private UsageEvents() {
    }

    static UsageEvent completion(CallerContext caller, Resolution resolution, RoutedResponse routed,
            Throwable failure, long latencyMs) {
        if (routed != null) {
            return event(caller, resolution, routed.deployment(), false, routed.attempts(),
                    routed.response().usage(), routed.cost(), latencyMs, null, UsageEvent.Outcome.SUCCESS, null);
        }
        return failed(caller, resolution, failure, latencyMs);
    }

    /**
     * The record of an embeddings request: input tokens, no output, cost at the input price. For Gemini the tokens
     * are the gateway's estimate (Google reports none; see {@code EmbeddingResponse#usageEstimated}).
     */
    public static UsageEvent embeddings(CallerContext caller, Resolution resolution, RoutedEmbeddings routed,
            Throwable failure, long latencyMs) {
        if (routed != null) {
            return event(caller, resolution, routed.deployment(), false, routed.attempts(),
                    routed.response().usage(), routed.cost(), latencyMs, null, UsageEvent.Outcome.SUCCESS, null);
        }
        return failed(caller, resolution, failure, latencyMs);
    }

    private static UsageEvent failed(CallerContext caller, Resolution resolution, Throwable failure,
            long latencyMs) {
        GatewayException failed = GatewayException.of(failure);
        if (failed.getCause() instanceof CancellationException) {
            // the caller went away and the routing was cancelled: nothing failed
            return event(caller, resolution, null, false, failed.attempts(), null, Optional.empty(), latencyMs, null,
                    UsageEvent.Outcome.CANCELLED, null);
        }
        return event(caller, resolution, null, false, failed.attempts(), null, Optional.empty(), latencyMs, null,
                UsageEvent.Outcome.ERROR, failed.errorType());
    }

    /**
     * The record of a request the response cache answered: nothing went upstream (no attempt), it cost nothing, and
     * it saved what the answer cost when it was produced. The tokens are the answer's as first reported, so the
     * record still says how big the answer served was.
     */
    static UsageEvent cacheHit(CallerContext caller, Resolution resolution, Deployment deployment,
            ChatResponse answer, BigDecimal saved, boolean streamed, long latencyMs) {
        return event(caller, resolution, deployment, streamed, List.of(), answer.usage(),
                Optional.of(Cost.of(List.of(), false)), latencyMs, streamed ? latencyMs : null,
                UsageEvent.Outcome.SUCCESS, null).withCache(UsageEvent.CACHE_HIT, saved);
    }

    static UsageEvent stream(CallerContext caller, Resolution resolution, StreamSummary summary) {
        UsageEvent.Outcome outcome = summary.cancelled() ? UsageEvent.Outcome.CANCELLED
                : summary.error().isPresent() ? UsageEvent.Outcome.ERROR : UsageEvent.Outcome.SUCCESS;
        Deployment deployment = outcome == UsageEvent.Outcome.ERROR && summary.timeToFirstToken() == null
                ? null : summary.deployment();
        return event(caller, resolution, deployment, true, summary.attempts(), summary.usage(), summary.cost(),
                summary.total().toMillis(),
                summary.timeToFirstToken() == null ? null : summary.timeToFirstToken().toMillis(), outcome,
                summary.error().map(LlmProviderException::kind).map(Enum::name).orElse(null));
    }

    private static UsageEvent event(CallerContext caller, Resolution resolution, Deployment deployment,
            boolean streamed, List<Attempt> attempts, Usage usage, Optional<Cost> cost, long latencyMs,
            Long timeToFirstTokenMs, UsageEvent.Outcome outcome, String errorKind) {
        long calledDeployments = attempts.stream().filter(a -> a.outcome() == Attempt.Outcome.SUCCEEDED
                || a.outcome() == Attempt.Outcome.FAILED).map(Attempt::deployment).distinct().count();
        // a failed request is charged to the deployment that failed last, so per-provider error counts add up
        String failedLast = deployment != null ? null : attempts.stream()
                .filter(a -> a.outcome() == Attempt.Outcome.FAILED).map(Attempt::deployment)
                .reduce((first, second) -> second).orElse(null);
        int slash = failedLast == null ? -1 : failedLast.indexOf('/');
        return new UsageEvent(caller.requestId(), Instant.now(), caller.callerKeyId(), resolution.route(),
                resolution.requested(),
                deployment != null ? deployment.providerId() : slash > 0 ? failedLast.substring(0, slash) : null,
                deployment == null ? null : deployment.type().wireName(),
                deployment != null ? deployment.model().id() : slash > 0 ? failedLast.substring(slash + 1) : null,
                streamed, attempts.size(), (int) Math.max(0, calledDeployments - 1),
                attempts.stream().map(Attempt::toString).collect(Collectors.joining(",")),
                usage == null ? null : usage.inputTokens(),
                usage == null ? null : usage.outputTokens(),
                usage == null ? null : usage.cachedInputTokens(),
                usage == null ? null : usage.reasoningTokens(),
                cost.map(Cost::total).orElse(null), latencyMs, timeToFirstTokenMs, outcome, errorKind,
                cost.map(CostDetail::encode).filter(detail -> !detail.isEmpty()).orElse(null));
    }
}
