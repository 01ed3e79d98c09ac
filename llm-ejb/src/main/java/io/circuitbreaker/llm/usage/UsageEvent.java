package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the router reports about one finished request, queued for writing off the request path. Tokens come from the
 * provider's own usage report; {@code null} when it sent none.
 */
public record UsageEvent(String requestId, Instant createdAt, String callerKeyId, String route,
        String requestedModel, String providerId, String providerType, String model, boolean streamed, int attempts,
        int fallbacks, String attemptLog, Integer inputTokens, Integer outputTokens, Integer cachedInputTokens,
        Integer reasoningTokens, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs, Outcome outcome,
        String errorKind) {

    public enum Outcome {
        SUCCESS, ERROR, CANCELLED
    }

    UsageRecordEntity toEntity() {
        UsageRecordEntity e = new UsageRecordEntity();
        e.requestId = requestId;
        e.createdAt = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        e.callerKeyId = callerKeyId;
        e.route = route;
        e.requestedModel = truncate(requestedModel, 256);
        e.providerId = providerId;
        e.providerType = providerType;
        e.model = truncate(model, 256);
        e.streamed = streamed;
        e.attempts = attempts;
        e.fallbacks = fallbacks;
        e.attemptLog = truncate(attemptLog, 2000);
        e.inputTokens = inputTokens;
        e.outputTokens = outputTokens;
        e.cachedInputTokens = cachedInputTokens;
        e.reasoningTokens = reasoningTokens;
        e.costUsd = costUsd;
        e.latencyMs = latencyMs;
        e.timeToFirstTokenMs = timeToFirstTokenMs;
        e.outcome = outcome.name();
        e.errorKind = errorKind;
        return e;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
