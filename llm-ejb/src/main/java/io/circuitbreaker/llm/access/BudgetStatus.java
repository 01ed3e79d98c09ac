package io.circuitbreaker.llm.access;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a key's budget stands.
 *
 * @param limitUsd    the budget per period
 * @param period      DAY or MONTH
 * @param spentUsd    settled cost of the key's requests in the current period
 * @param reservedUsd the maximum cost of its requests still in flight
 * @param periodStart when the current period began (UTC)
 * @param resetsAt    when the next period begins
 */
public record BudgetStatus(BigDecimal limitUsd, BudgetPeriod period, BigDecimal spentUsd, BigDecimal reservedUsd,
        Instant periodStart, Instant resetsAt) {

    /** What is left to spend, never below zero. */
    public BigDecimal remainingUsd() {
        BigDecimal left = limitUsd.subtract(spentUsd);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
}
