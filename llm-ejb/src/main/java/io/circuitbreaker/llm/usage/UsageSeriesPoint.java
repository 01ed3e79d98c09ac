package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One bucket of a usage series: the totals over all its groups, the latency percentiles of all its requests, and the
 * groups that had requests in it.
 *
 * @param start the bucket's first instant (UTC)
 * @param requests requests that finished in the bucket; zero for an empty bucket
 * @param errors of them, those that ended in {@link UsageEvent.Outcome#ERROR}
 * @param inputTokens sum of reported input tokens
 * @param outputTokens sum of reported output tokens
 * @param cost exact sum of the cost in US dollars, never rounded
 * @param p50LatencyMs median latency by the nearest-rank method (⌈0.5 × n⌉-th smallest); {@code null} when empty
 * @param p95LatencyMs 95th percentile latency by the nearest-rank method; {@code null} when empty
 * @param groups the groups with requests in the bucket, in {@link UsageGrouping}'s order
 */
public record UsageSeriesPoint(Instant start, long requests, long errors, long inputTokens, long outputTokens,
        BigDecimal cost, Long p50LatencyMs, Long p95LatencyMs, List<UsageSeriesGroupRow> groups)
        implements UsageTotals {

    /**
     * The point of a bucket from its groups (the totals are their sums, so they agree to the unit) and its
     * percentiles, {@code null} when the bucket had no request.
     */
    static UsageSeriesPoint of(Instant start, List<UsageSeriesGroupRow> groups, long[] p50p95) {
        long requests = 0;
        long errors = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (UsageSeriesGroupRow group : groups) {
            requests += group.requests();
            errors += group.errors();
            inputTokens += group.inputTokens();
            outputTokens += group.outputTokens();
            cost = cost.add(group.cost());
        }
        return new UsageSeriesPoint(start, requests, errors, inputTokens, outputTokens, cost,
                p50p95 == null ? null : p50p95[0], p50p95 == null ? null : p50p95[1], List.copyOf(groups));
    }
}
