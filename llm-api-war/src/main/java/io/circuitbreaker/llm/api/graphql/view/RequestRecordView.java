package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.catalog.CostDetail;
import io.circuitbreaker.llm.usage.UsageRecordEntity;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One routed request as recorded. Never carries prompt or answer text, nor any key. */
@Type("RequestRecord")
@Description("One routed request: where it went, what it used and cost, how it ended.")
public class RequestRecordView {

    private final UsageRecordEntity r;
    /** The record's cost breakdown, decoded once; null when it has none. */
    private final Cost breakdown;

    public RequestRecordView(UsageRecordEntity record) {
        this.r = record;
        this.breakdown = CostDetail.decode(record.costDetail).orElse(null);
    }

    @NonNull
    public String getRequestId() {
        return r.requestId;
    }

    @NonNull
    @Description("When the request finished (ISO-8601, UTC).")
    public String getCreatedAt() {
        return r.createdAt.toInstant(ZoneOffset.UTC).toString();
    }

    @Description("The gateway key id of the caller, if any.")
    public String getCallerKeyId() {
        return r.callerKeyId;
    }

    public String getRoute() {
        return r.route;
    }

    @Description("The model the caller asked for.")
    public String getRequestedModel() {
        return r.requestedModel;
    }

    @Description("Provider id that answered (or was tried last).")
    public String getProvider() {
        return r.providerId;
    }

    public String getProviderType() {
        return r.providerType;
    }

    @Description("Model that answered.")
    public String getModel() {
        return r.model;
    }

    public boolean isStreamed() {
        return r.streamed;
    }

    public int getAttempts() {
        return r.attempts;
    }

    public int getFallbacks() {
        return r.fallbacks;
    }

    @Description("Every try, e.g. primary/gpt-4o#1:UNAVAILABLE(503),secondary/claude-3-haiku#1:SUCCEEDED.")
    public String getAttemptLog() {
        return r.attemptLog;
    }

    public Integer getInputTokens() {
        return r.inputTokens;
    }

    public Integer getOutputTokens() {
        return r.outputTokens;
    }

    @Description("US dollars, exact; null for an unpriced model or a failed request.")
    public BigDecimal getCost() {
        return Money.plain(r.costUsd);
    }

    @Description("Which parts were billed at which price; null for an unpriced model or a failed request.")
    public List<CostLineView> getCostBreakdown() {
        return CostLineView.of(breakdown);
    }

    @Description("Whether the model's long-context prices applied (the prompt was above its threshold).")
    public Boolean getLongContext() {
        return breakdown == null ? null : breakdown.longContext();
    }

    public long getLatencyMs() {
        return r.latencyMs;
    }

    public Long getTimeToFirstTokenMs() {
        return r.timeToFirstTokenMs;
    }

    @NonNull
    @Description("SUCCESS, ERROR or CANCELLED.")
    public String getOutcome() {
        return r.outcome;
    }

    @Description("The error kind when it failed, e.g. RATE_LIMITED.")
    public String getErrorKind() {
        return r.errorKind;
    }

    @Description("True when the response cache answered (nothing went upstream, cost 0), false when it was looked up "
            + "and missed, null when the cache played no part.")
    public Boolean getCacheHit() {
        return r.cacheStatus == null ? null : "HIT".equals(r.cacheStatus);
    }

    @Description("US dollars a cache hit saved: the exact cost of the answer when it was first produced; null "
            + "otherwise (and for an unpriced model).")
    public BigDecimal getCostSaved() {
        return r.costSaved == null ? null : Money.plain(r.costSaved);
    }
}
