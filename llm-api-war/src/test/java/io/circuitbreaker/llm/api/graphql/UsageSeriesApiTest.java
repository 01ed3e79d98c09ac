package io.circuitbreaker.llm.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.api.graphql.input.UsageGroupBy;
import io.circuitbreaker.llm.api.graphql.input.UsageSeriesBucket;
import io.circuitbreaker.llm.api.graphql.view.UsagePointView;
import io.circuitbreaker.llm.api.graphql.view.UsageSeriesView;
import io.circuitbreaker.llm.usage.UsageBucket;
import io.circuitbreaker.llm.usage.UsageGrouping;
import io.circuitbreaker.llm.usage.UsageQueries;
import io.circuitbreaker.llm.usage.UsageRecorder;
import io.circuitbreaker.llm.usage.UsageSeries;
import io.circuitbreaker.llm.usage.UsageSeriesGroupRow;
import io.circuitbreaker.llm.usage.UsageSeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code usageSeries} without a server: its arguments are checked before anything is read, the defaults reach the
 * query with the caller's key, and the views show what the query answered. The queries, recorder and caller are
 * stand-ins that record what they were asked.
 */
class UsageSeriesApiTest {

    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");

    private final List<String> calls = new ArrayList<>();
    private final UsageApi api = api("key-a");

    @Test
    void aDayGroupingIsRefusedWithTheBucketToChoose() {
        assertEquals("[VALIDATION] groupBy DAY is not a series grouping; choose bucket DAY",
                refusal("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", UsageSeriesBucket.DAY, UsageGroupBy.DAY));
    }

    @Test
    void moreThanAThousandBucketsAreRefusedNamingTheLimit() {
        // 1000 hours from 03:00 end at 2027-01-16T19:00Z; a minute later is the 1001st bucket
        assertEquals("[VALIDATION] a usage series may have at most 1000 points; this range has 1001 hour buckets "
                + "(hourly covers at most about 41 days: choose bucket DAY or a shorter range)",
                refusal("2026-12-06T03:00:00Z", "2027-01-16T19:01:00Z", UsageSeriesBucket.HOUR, null));
        assertEquals("[VALIDATION] the range may span at most 366 days",
                refusal("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z", UsageSeriesBucket.DAY, null));
        assertEquals(List.of(), calls, "nothing was read");
    }

    @Test
    void aThousandHoursAndADailyYearAreAllowed() throws GatewayGraphQLException {
        api.usageSeries("2026-12-06T03:00:00Z", "2027-01-16T19:00:00Z", UsageSeriesBucket.HOUR, null);
        api.usageSeries("2026-01-01T00:00:00Z", "2027-01-02T00:00:00Z", UsageSeriesBucket.DAY, UsageGroupBy.MODEL);

        assertEquals(List.of("flush", "series 2026-12-06T03:00:00Z 2027-01-16T19:00:00Z HOUR PROVIDER key-a",
                "flush", "series 2026-01-01T00:00:00Z 2027-01-02T00:00:00Z DAY MODEL key-a"), calls);
    }

    @Test
    void badInstantsAreRefusedAsUsageSummaryRefusesThem() {
        assertEquals("[VALIDATION] from must be an ISO-8601 instant such as 2026-11-01T00:00:00Z",
                refusal("yesterday", null, null, null));
        assertEquals("[VALIDATION] from must be before to",
                refusal("2026-12-06T03:00:00Z", "2026-12-06T03:00:00Z", null, null));
    }

    @Test
    void theDefaultsAreTheLastDayHourlyByProviderAndAnAdminReadsEveryKey() throws GatewayGraphQLException {
        UsageSeriesView series = api(null).usageSeries(null, "2026-12-06T05:30:00Z", null, null);

        assertEquals(List.of("flush", "series 2026-12-05T05:30:00Z 2026-12-06T05:30:00Z HOUR PROVIDER null"), calls);
        assertEquals(UsageSeriesBucket.HOUR, series.getBucket());
    }

    @Test
    void theViewsShowThePointsAsTheQueryAnswered() throws GatewayGraphQLException {
        UsageSeriesView series = api.usageSeries("2026-12-06T03:10:00Z", "2026-12-06T05:00:00Z",
                UsageSeriesBucket.HOUR, UsageGroupBy.MODEL);

        assertEquals("2026-12-06T03:00:00Z", series.getFrom());
        assertEquals("2026-12-06T05:00:00Z", series.getTo());
        assertEquals(List.of("openai/gpt-4o"), series.getGroups());
        UsagePointView full = series.getPoints().get(0);
        assertEquals("2026-12-06T03:00:00Z", full.getStart());
        assertEquals(new BigDecimal("0.3"), full.getCost());
        assertEquals(40L, full.getP95LatencyMs());
        assertEquals("openai/gpt-4o", full.getGroups().get(0).getGroup());
        assertEquals(new BigDecimal("0.3"), full.getGroups().get(0).getCost());
        UsagePointView empty = series.getPoints().get(1);
        assertEquals("2026-12-06T04:00:00Z", empty.getStart());
        assertEquals(0, empty.getRequests());
        assertEquals(BigDecimal.ZERO, empty.getCost());
        assertNull(empty.getP50LatencyMs());
        assertEquals(List.of(), empty.getGroups());
    }

    private String refusal(String from, String to, UsageSeriesBucket bucket, UsageGroupBy groupBy) {
        return assertThrows(GatewayGraphQLException.class, () -> api.usageSeries(from, to, bucket, groupBy))
                .getMessage();
    }

    /** The API with stand-ins; {@code keyId} is what {@code ownKeyUnlessAdmin} answers (null: an admin). */
    private UsageApi api(String keyId) {
        UsageApi usage = new UsageApi();
        usage.queries = new UsageQueries() {
            @Override
            public UsageSeries series(Instant from, Instant to, UsageBucket bucket, UsageGrouping by, String key) {
                calls.add("series " + from + " " + to + " " + bucket + " " + by + " " + key);
                UsageSeriesGroupRow row = new UsageSeriesGroupRow("openai/gpt-4o", 2, 0, 10, 5,
                        new BigDecimal("0.300000000000"));
                return new UsageSeries(bucket, bucket.floor(from), to, List.of(row.group()), List.of(
                        new UsageSeriesPoint(T, 2, 0, 10, 5, row.cost(), 20L, 40L, List.of(row)),
                        new UsageSeriesPoint(T.plusSeconds(3600), 0, 0, 0, 0, new BigDecimal("0E-12"), null, null,
                                List.of())));
            }
        };
        usage.recorder = new UsageRecorder() {
            @Override
            public void flush() {
                calls.add("flush");
            }
        };
        usage.caller = new Caller() {
            @Override
            public String ownKeyUnlessAdmin() {
                return keyId;
            }
        };
        return usage;
    }
}
