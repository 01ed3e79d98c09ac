package io.circuitbreaker.llm.access;

import java.math.BigDecimal;

/**
 * A key's limits; each {@code null} means "no limit".
 *
 * @param requestsPerMinute chat requests per minute
 * @param tokensPerMinute   input plus output tokens per minute, as the providers report them
 * @param budgetUsd         the most the key may spend per {@code budgetPeriod}, in US dollars
 * @param budgetPeriod      DAY or MONTH (UTC); required with a budget
 */
public record KeyLimits(Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal budgetUsd,
        BudgetPeriod budgetPeriod) {

    /** The largest per-minute limit accepted: far beyond any real key, small enough for exact arithmetic. */
    static final int MAX_PER_MINUTE = 1_000_000_000;
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000");

    public static final KeyLimits NONE = new KeyLimits(null, null, null, null);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException with a message for the caller when a limit is out of range
     */
    public KeyLimits {
        perMinute(requestsPerMinute, "requestsPerMinute");
        perMinute(tokensPerMinute, "tokensPerMinute");
        if (budgetUsd != null) {
            if (budgetUsd.signum() < 0 || budgetUsd.compareTo(MAX_BUDGET) > 0) {
                throw new IllegalArgumentException("budget.limitUsd must be between 0 and " + MAX_BUDGET.toPlainString());
            }
            if (budgetPeriod == null) {
                throw new IllegalArgumentException("budget.period is required with a budget (DAY or MONTH)");
            }
            budgetUsd = budgetUsd.stripTrailingZeros();
        } else {
            budgetPeriod = null;
        }
    }

    public boolean hasBudget() {
        return budgetUsd != null;
    }

    private static void perMinute(Integer value, String name) {
        if (value != null && (value < 1 || value > MAX_PER_MINUTE)) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_PER_MINUTE);
        }
    }
}
