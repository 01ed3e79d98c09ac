package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.view.RequestRecordView;
import io.circuitbreaker.llm.api.graphql.input.UsageGroupBy;
import io.circuitbreaker.llm.api.graphql.input.UsageSeriesBucket;
import io.circuitbreaker.llm.api.graphql.view.UsageSeriesView;
import io.circuitbreaker.llm.api.graphql.view.UsageSummaryView;
import io.circuitbreaker.llm.usage.UsageBucket;
import io.circuitbreaker.llm.usage.UsageGrouping;
import io.circuitbreaker.llm.usage.UsageQueries;
import io.circuitbreaker.llm.usage.UsageRecorder;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Usage analytics over the recorded requests. */
@GraphQLApi
@ApplicationScoped
public class UsageApi {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    @EJB
    UsageQueries queries;

    @EJB
    UsageRecorder recorder;

    @Inject
    Caller caller;

    @Query("usageSummary")
    @Description("Requests, errors, tokens, exact cost and latency per group, for requests finished in [from, to). "
            + "An admin key sees every key's requests, a client key its own.")
    public @NonNull List<@NonNull UsageSummaryView> usageSummary(
            @Name("from") @Description("ISO-8601 instant, e.g. 2026-11-01T00:00:00Z (default: 24 hours before to).")
            String from,
            @Name("to") @Description("ISO-8601 instant (default: now).") String to,
            @Name("groupBy") @DefaultValue("PROVIDER") @Description("PROVIDER, MODEL, API_KEY or DAY.")
            UsageGroupBy groupBy) throws GatewayGraphQLException {
        Range range = range(from, to);
        recorder.flush(); // read your own writes: requests just answered are counted
        UsageGrouping grouping = groupBy == null ? UsageGrouping.PROVIDER : groupBy.grouping();
        return queries.summary(range.start(), range.end(), grouping, caller.ownKeyUnlessAdmin()).stream()
                .map(UsageSummaryView::new).toList();
    }

    @Query("usageSeries")
    @Description("Requests, errors, tokens, exact cost and latency percentiles per UTC hour or day, for requests "
            + "finished in [from, to), split by provider, model or API key; every bucket is a point, empty ones "
            + "too, so a chart's axis has no gaps. At most 1000 points. An admin key sees every key's requests, a "
            + "client key its own.")
    public @NonNull UsageSeriesView usageSeries(
            @Name("from") @Description("ISO-8601 instant, e.g. 2026-11-01T00:00:00Z (default: 24 hours before to).")
            String from,
            @Name("to") @Description("ISO-8601 instant (default: now).") String to,
            @Name("bucket") @DefaultValue("HOUR") @Description("HOUR or DAY (UTC).") UsageSeriesBucket bucket,
            @Name("groupBy") @DefaultValue("PROVIDER") @Description("PROVIDER, MODEL or API_KEY.")
            UsageGroupBy groupBy) throws GatewayGraphQLException {
        Range range = range(from, to);
        UsageSeriesBucket width = bucket == null ? UsageSeriesBucket.HOUR : bucket;
        UsageGrouping grouping = groupBy == null ? UsageGrouping.PROVIDER : groupBy.grouping();
        if (grouping == UsageGrouping.DAY) {
            // a day split inside a point is the bucket's job; as a group it would give each point one group
            throw GatewayGraphQLException.validation("groupBy DAY is not a series grouping; choose bucket DAY");
        }
        long buckets = width.bucket().count(range.start(), range.end());
        if (buckets > UsageBucket.MAX_BUCKETS) {
            throw GatewayGraphQLException.validation("a usage series may have at most " + UsageBucket.MAX_BUCKETS
                    + " points; this range has " + buckets + " " + width.name().toLowerCase(Locale.ROOT)
                    + " buckets (hourly covers at most about 41 days: choose bucket DAY or a shorter range)");
        }
        recorder.flush(); // read your own writes, as usageSummary
        return new UsageSeriesView(queries.series(range.start(), range.end(), width.bucket(), grouping,
                caller.ownKeyUnlessAdmin()), width);
    }

    @Query("recentRequests")
    @Description("The most recent routed requests, newest first (at most 1000); a client key sees its own.")
    public @NonNull List<@NonNull RequestRecordView> recentRequests(
            @Name("limit") @DefaultValue("20") int limit) throws GatewayGraphQLException {
        if (limit < 1 || limit > 1000) {
            throw GatewayGraphQLException.validation("limit must be between 1 and 1000");
        }
        recorder.flush();
        return queries.recent(limit, caller.ownKeyUnlessAdmin()).stream().map(RequestRecordView::new).toList();
    }

    /** A checked {@code [start, end)}. */
    private record Range(Instant start, Instant end) {
    }

    /** The range from the arguments, defaults applied: to is now, from 24 hours before to; at most 366 days. */
    private static Range range(String from, String to) throws GatewayGraphQLException {
        Instant end = instant(to, "to", Instant.now());
        Instant start = instant(from, "from", end.minus(Duration.ofHours(24)));
        if (!start.isBefore(end)) {
            throw GatewayGraphQLException.validation("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw GatewayGraphQLException.validation("the range may span at most 366 days");
        }
        return new Range(start, end);
    }

    private static Instant instant(String text, String field, Instant fallback) throws GatewayGraphQLException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw GatewayGraphQLException.validation(field + " must be an ISO-8601 instant such as "
                    + "2026-11-01T00:00:00Z");
        }
    }
}
