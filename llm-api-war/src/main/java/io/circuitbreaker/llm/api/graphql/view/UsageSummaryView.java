package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.usage.UsageSummaryRow;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One group of the usage summary. */
@Type("UsageSummary")
@Description("Requests, tokens, exact cost and latency of one group (a provider, model, API key or UTC day).")
public class UsageSummaryView {

    private final UsageSummaryRow row;

    public UsageSummaryView(UsageSummaryRow row) {
        this.row = row;
    }

    @NonNull
    @Description("The provider id, provider/model, caller key id (anonymous without one) or day (yyyy-MM-dd).")
    public String getGroup() {
        return row.group();
    }

    public long getRequests() {
        return row.requests();
    }

    @Description("Requests that ended with an error (cancelled streams are not errors).")
    public long getErrors() {
        return row.errors();
    }

    public long getInputTokens() {
        return row.inputTokens();
    }

    public long getOutputTokens() {
        return row.outputTokens();
    }

    @NonNull
    @Description("US dollars, the exact sum of the priced requests.")
    public BigDecimal getCost() {
        return Money.plain(row.cost());
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
