package io.circuitbreaker.llm.api.graphql.keys;

import io.circuitbreaker.llm.access.BudgetStatus;
import io.circuitbreaker.llm.api.graphql.view.Money;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A key's budget and what it has spent in the current period. */
@Type("Budget")
@Description("A gateway key's budget and its spend in the current period (exact amounts in US dollars).")
public class BudgetView {

    private final BudgetStatus status;

    public BudgetView(BudgetStatus status) {
        this.status = status;
    }

    public @NonNull BigDecimal getLimitUsd() {
        return Money.plain(status.limitUsd());
    }

    public @NonNull String getPeriod() {
        return status.period().name();
    }

    @Description("Settled cost of the key's requests in the current period.")
    public @NonNull BigDecimal getSpentUsd() {
        return Money.plain(status.spentUsd());
    }

    @Description("The maximum cost of the key's requests still in flight.")
    public @NonNull BigDecimal getReservedUsd() {
        return Money.plain(status.reservedUsd());
    }

    public @NonNull BigDecimal getRemainingUsd() {
        return Money.plain(status.remainingUsd());
    }

    @Description("When the current period began (ISO-8601, UTC).")
    public @NonNull String getPeriodStart() {
        return status.periodStart().toString();
    }

    @Description("When the spend goes back to zero (ISO-8601, UTC).")
    public @NonNull String getResetsAt() {
        return status.resetsAt().toString();
    }
}
