package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.usage.UsageSummaryRow;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One group of the usage summary. */
@Type("UsageSummary")
@Description("Requests, tokens, exact cost and latency of one group (a provider, model, API key or UTC day).")
public class UsageSummaryView extends UsageTotalsView {

    private final UsageSummaryRow row;

    public UsageSummaryView(UsageSummaryRow row) {
        super(row);
        this.row = row;
    }

    @NonNull
    @Description("The provider id, provider/model, caller key id (anonymous without one) or day (yyyy-MM-dd).")
    public String getGroup() {
        return row.group();
    }

    @Description("Mean end-to-end latency in milliseconds.")
    public double getMeanLatencyMs() {
        return row.meanLatencyMs();
    }

    @Description("95th percentile latency in milliseconds (nearest rank).")
    public long getP95LatencyMs() {
        return row.p95LatencyMs();
    }

    @Description("Requests the response cache answered (counted in requests; they cost nothing).")
    public long getCacheHits() {
        return row.cacheHits();
    }

    @NonNull
    @Description("US dollars the cache hits saved: the exact sum of their answers' original cost.")
    public BigDecimal getCostSavedUsd() {
        return Money.plain(row.costSaved());
    }
}
