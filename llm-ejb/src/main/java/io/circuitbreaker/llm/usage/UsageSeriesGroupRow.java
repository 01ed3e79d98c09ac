package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;

/**
 * One group's usage in one bucket of a usage series.
 *
 * @param group the group key (see {@link UsageGrouping})
 * @param requests how many requests of the group finished in the bucket, at least one
 * @param errors how many of them ended in {@link UsageEvent.Outcome#ERROR}
 * @param inputTokens sum of reported input tokens
 * @param outputTokens sum of reported output tokens
 * @param cost exact sum of the priced requests' cost in US dollars; zero when none was priced
 */
public record UsageSeriesGroupRow(String group, long requests, long errors, long inputTokens, long outputTokens,
        BigDecimal cost) implements UsageTotals {
}
