package io.circuitbreaker.llm.access;

import java.math.BigDecimal;

/** A request's hold on its key's budget; settled exactly once with the real cost. */
public interface BudgetHold {

    /** No budget: nothing is held. */
    BudgetHold NONE = actualCost -> { };

    /** Replaces the hold with the real cost ({@code null}: nothing was charged). Idempotent. */
    void settle(BigDecimal actualCost);
}
