package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import java.math.BigDecimal;

/** A key's budget cannot cover the request's maximum cost; nothing was sent upstream. */
public class BudgetExceededException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final transient BudgetStatus status;

    public BudgetExceededException(BudgetStatus status, BigDecimal requestMaxCost) {
        super(GatewayError.BUDGET_EXCEEDED, message(status, requestMaxCost));
        this.status = status;
    }

    public BudgetStatus status() {
        return status;
    }

    private static String message(BudgetStatus status, BigDecimal maxCost) {
        String period = status.period() == BudgetPeriod.DAY ? "day" : "month";
        return "Budget exceeded for this gateway key: " + plain(status.spentUsd()) + " USD spent and "
                + plain(status.reservedUsd()) + " USD reserved by requests in flight, of " + plain(status.limitUsd())
                + " USD this " + period + "; this request could cost up to " + plain(maxCost)
                + " USD (lower max_tokens to reserve less). The budget resets at " + status.resetsAt() + ".";
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
