package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.usage.UsageTotals;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The fields every usage aggregate has (UsageSummary, UsagePoint, UsagePointGroup), written once so they read and are
 * described the same in each. Not a GraphQL type of its own: each subclass is one, with these fields inherited.
 */
public abstract class UsageTotalsView {

    private final UsageTotals totals;

    protected UsageTotalsView(UsageTotals totals) {
        this.totals = totals;
    }

    @Description("Requests that finished in the group or bucket.")
    public long getRequests() {
        return totals.requests();
    }

    @Description("Requests that ended with an error (cancelled streams are not errors).")
    public long getErrors() {
        return totals.errors();
    }

    @Description("Sum of the input tokens the providers reported.")
    public long getInputTokens() {
        return totals.inputTokens();
    }

    @Description("Sum of the output tokens the providers reported.")
    public long getOutputTokens() {
        return totals.outputTokens();
    }

    @NonNull
    @Description("US dollars, the exact sum of the priced requests.")
    public BigDecimal getCost() {
        return Money.plain(totals.cost());
    }
}
