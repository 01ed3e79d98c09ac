package io.circuitbreaker.llm.usage;

import java.time.Instant;
import java.util.List;

/**
 * Usage per time bucket over a range, for charts: every bucket from the one holding {@code from} to the one holding
 * the last instant before {@code to}, empty ones included, so the time axis has no gaps.
 *
 * @param bucket the width of a point
 * @param from the first bucket's start ({@code from} floored to the bucket; requests before {@code from} are not
 *        counted, so the first bucket may be partial, as may the last)
 * @param to the end of the range, exclusive
 * @param groups every group key seen in the range, in {@link UsageGrouping}'s order
 * @param points one per bucket, in time order
 */
public record UsageSeries(UsageBucket bucket, Instant from, Instant to, List<String> groups,
        List<UsageSeriesPoint> points) {
}
