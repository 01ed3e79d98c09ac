package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;

/**
 * One group of a usage summary.
 *
 * @param group the group key (see {@link UsageGrouping})
 * @param requests how many requests finished in the group
 * @param errors how many of them ended in {@link UsageEvent.Outcome#ERROR}; a cancelled request is not an error, the
 *        caller chose to stop it
 * @param inputTokens sum of reported input tokens; requests that reported none add nothing
 * @param outputTokens sum of reported output tokens; requests that reported none add nothing
 * @param cost exact sum of the priced requests' cost in US dollars, never rounded; zero when none was priced
 * @param meanLatencyMs arithmetic mean of the total latency
 * @param p95LatencyMs 95th percentile of the total latency by the nearest-rank method: the ⌈0.95 × n⌉-th smallest value
 * @param cacheHits how many requests the response cache answered
 * @param costSaved exact sum of what those hits saved (their answers' original cost); zero when none
 */
public record UsageSummaryRow(String group, long requests, long errors, long inputTokens, long outputTokens,
        BigDecimal cost, double meanLatencyMs, long p95LatencyMs, long cacheHits, BigDecimal costSaved)
        implements UsageTotals {

    /** A group without cache hits. */
    public UsageSummaryRow(String group, long requests, long errors, long inputTokens, long outputTokens,
            BigDecimal cost, double meanLatencyMs, long p95LatencyMs) {
        this(group, requests, errors, inputTokens, outputTokens, cost, meanLatencyMs, p95LatencyMs, 0,
                BigDecimal.ZERO);
    }

    /** The same group with its p95 latency (Derby reads it with a query of its own). */
    UsageSummaryRow withP95(long p95) {
        return new UsageSummaryRow(group, requests, errors, inputTokens, outputTokens, cost, meanLatencyMs, p95,
                cacheHits, costSaved);
    }
}
