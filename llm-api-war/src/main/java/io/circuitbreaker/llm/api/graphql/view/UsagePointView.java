package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.usage.UsageSeriesPoint;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One bucket of a usage series. */
@Type("UsagePoint")
@Description("The requests that finished in one UTC hour or day: totals over all groups, latency percentiles, and "
        + "the groups that had requests.")
public class UsagePointView extends UsageTotalsView {

    private final UsageSeriesPoint point;

    public UsagePointView(UsageSeriesPoint point) {
        super(point);
        this.point = point;
    }

    @NonNull
    @Description("The bucket's start, an ISO-8601 instant in UTC, e.g. 2026-12-06T03:00:00Z.")
    public String getStart() {
        return point.start().toString();
    }

    @Description("Median latency in milliseconds (nearest rank, an observed value); null for an empty bucket.")
    public Long getP50LatencyMs() {
        return point.p50LatencyMs();
    }

    @Description("95th percentile latency in milliseconds (nearest rank); null for an empty bucket.")
    public Long getP95LatencyMs() {
        return point.p95LatencyMs();
    }

    @NonNull
    @Description("The groups with requests in this bucket, in the order of the series' groups.")
    public List<@NonNull UsagePointGroupView> getGroups() {
        return point.groups().stream().map(UsagePointGroupView::new).toList();
    }
}
