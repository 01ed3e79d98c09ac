package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the router reports about one finished request, queued for writing off the request path. Tokens come from the
 * provider's own usage report; {@code null} when it sent none. {@code costDetail} says which parts were billed at
 * which price ({@link io.circuitbreaker.llm.catalog.CostDetail}). {@code cacheStatus} is {@code HIT} or {@code MISS} when
 * the response cache applied to the request ({@code null} when it did not); a hit costs nothing ({@code costUsd} zero)
 * and {@code costSaved} is what the cached answer cost when it was first produced.
 */
public record UsageEvent(String requestId, Instant createdAt, String callerKeyId, String route,
        String requestedModel, String providerId, String providerType, String model, boolean streamed, int attempts,
        int fallbacks, String attemptLog, Integer inputTokens, Integer outputTokens, Integer cachedInputTokens,
        Integer reasoningTokens, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs, Outcome outcome,
        String errorKind, String costDetail, String cacheStatus, BigDecimal costSaved) {

    /** The response cache's word for a request served from it. */
    public static final String CACHE_HIT = "HIT";
    /** The response cache's word for a request it looked up and did not find (or was told to refresh). */
    public static final String CACHE_MISS = "MISS";

    /** A record the response cache played no part in. */
    public UsageEvent(String requestId, Instant createdAt, String callerKeyId, String route, String requestedModel,
            String providerId, String providerType, String model, boolean streamed, int attempts, int fallbacks,
            String attemptLog, Integer inputTokens, Integer outputTokens, Integer cachedInputTokens,
            Integer reasoningTokens, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs, Outcome outcome,
            String errorKind, String costDetail) {
        this(requestId, createdAt, callerKeyId, route, requestedModel, providerId, providerType, model, streamed,
                attempts, fallbacks, attemptLog, inputTokens, outputTokens, cachedInputTokens, reasoningTokens,
                costUsd, latencyMs, timeToFirstTokenMs, outcome, errorKind, costDetail, null, null);
    }

    /** This record with the response cache's part in it. */
    public UsageEvent withCache(String status, BigDecimal saved) {
        return new UsageEvent(requestId, createdAt, callerKeyId, route, requestedModel, providerId, providerType,
                model, streamed, attempts, fallbacks, attemptLog, inputTokens, outputTokens, cachedInputTokens,
                reasoningTokens, costUsd, latencyMs, timeToFirstTokenMs, outcome, errorKind, costDetail, status, saved);
    }

    public enum Outcome {
        SUCCESS, ERROR, CANCELLED
    }

    /** The text cut to a column's length. */
    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
