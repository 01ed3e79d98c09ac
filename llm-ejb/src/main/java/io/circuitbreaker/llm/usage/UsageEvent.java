package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the router reports about one finished request, queued for writing off the request path. Tokens come from the
 * provider's own usage report; {@code null} when it sent none. {@code costDetail} says which parts were billed at
 * which price ({@link io.circuitbreaker.llm.catalog.CostDetail}).
 */
public record UsageEvent(String requestId, Instant createdAt, String callerKeyId, String route,
        String requestedModel, String providerId, String providerType, String model, boolean streamed, int attempts,
        int fallbacks, String attemptLog, Integer inputTokens, Integer outputTokens, Integer cachedInputTokens,
        Integer reasoningTokens, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs, Outcome outcome,
        String errorKind, String costDetail) {

    public enum Outcome {
        SUCCESS, ERROR, CANCELLED
    }

    /** The text cut to a column's length. */
    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
