package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The few columns of a usage record that a summary needs. A plain value rather than the entity so that
 * {@link UsageSummaries} can be tested without a database, and so the query loads nine columns instead of twenty.
 *
 * @param createdAt when the request finished, in UTC (as stored)
 * @param callerKeyId the caller's API key id; {@code null} for anonymous callers
 * @param providerId the provider that answered; {@code null} when none did
 * @param model the model that answered; {@code null} when none did
 * @param outcome how the request ended
 * @param inputTokens as reported by the provider; {@code null} when it reported none
 * @param outputTokens as reported by the provider; {@code null} when it reported none
 * @param costUsd exact US dollars; {@code null} for unpriced models
 * @param latencyMs total time of the request
 * @param cacheStatus HIT or MISS when the response cache applied, else {@code null}
 * @param costSaved what a cache hit saved; {@code null} otherwise
 */
public record UsageFacts(LocalDateTime createdAt, String callerKeyId, String providerId, String model,
        UsageEvent.Outcome outcome, Integer inputTokens, Integer outputTokens, BigDecimal costUsd, long latencyMs,
        String cacheStatus, BigDecimal costSaved) {

    /** Facts of a request the response cache played no part in. */
    public UsageFacts(LocalDateTime createdAt, String callerKeyId, String providerId, String model,
            UsageEvent.Outcome outcome, Integer inputTokens, Integer outputTokens, BigDecimal costUsd,
            long latencyMs) {
        this(createdAt, callerKeyId, providerId, model, outcome, inputTokens, outputTokens, costUsd, latencyMs, null,
                null);
    }
}
