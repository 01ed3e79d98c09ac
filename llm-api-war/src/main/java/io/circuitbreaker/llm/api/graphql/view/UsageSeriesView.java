package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.api.graphql.input.UsageSeriesBucket;
import io.circuitbreaker.llm.usage.UsageSeries;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A usage series, for the console's charts. */
@Type("UsageSeries")
@Description("Usage per UTC hour or day, every bucket of the range present (empty ones as zeros), so a chart's time "
        + "axis has no gaps.")
public class UsageSeriesView {

    private final UsageSeries series;
    private final UsageSeriesBucket bucket;

    public UsageSeriesView(UsageSeries series, UsageSeriesBucket bucket) {
        this.series = series;
        this.bucket = bucket;
    }

    @NonNull
    @Description("The width of a point.")
    public UsageSeriesBucket getBucket() {
        return bucket;
    }

    @NonNull
    @Description("The first point's start: the requested from, floored to the bucket (ISO-8601 instant). Requests "
            + "before the requested from are not counted, so the first point may cover part of its bucket.")
    public String getFrom() {
        return series.from().toString();
    }

    @NonNull
    @Description("The end of the range, exclusive (ISO-8601 instant).")
    public String getTo() {
        return series.to().toString();
    }

    @NonNull
    @Description("Every group with requests in the range, in order: provider ids, provider/model or key ids.")
    public List<@NonNull String> getGroups() {
        return series.groups();
    }

    @NonNull
    @Description("One point per bucket, in time order.")
    public List<@NonNull UsagePointView> getPoints() {
        return series.points().stream().map(UsagePointView::new).toList();
    }
}
