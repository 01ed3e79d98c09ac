package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database's usage series ({@link UsageSeriesSql}) on embedded Derby and on PostgreSQL (skipped when nothing
 * listens on 127.0.0.1:5432): on seeded random records it equals the Java reference, bucket by bucket
 * ({@link UsageSummaries} per bucket); on a handful of records the edges are checked one by one: bucket boundaries,
 * empty buckets, exact cost, nearest-rank percentiles, one key's requests, day buckets.
 */
class UsageSeriesSqlTest {

    private static final Instant FROM = Instant.parse("2026-11-30T00:30:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T12:15:00Z");
    private static final List<String> DATABASES = UsageDatabases.DATABASES;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String database : DATABASES) {
            for (UsageBucket bucket : UsageBucket.values()) {
                for (UsageGrouping by : List.of(UsageGrouping.PROVIDER, UsageGrouping.MODEL, UsageGrouping.API_KEY)) {
                    cases.add(Arguments.of(database, bucket, by, null));
                    cases.add(Arguments.of(database, bucket, by, "key-a"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} key={3}")
    @MethodSource("cases")
    void theDatabasesSeriesIsTheReferenceSeries(String database, UsageBucket bucket, UsageGrouping by, String keyId)
            throws SQLException {
        List<UsageFacts> facts = UsageDatabases.random(7, 1500, utc(FROM.minusSeconds(6 * 3600)));
        List<UsageFacts> inRange = facts.stream()
                .filter(f -> !f.createdAt().isBefore(utc(FROM)) && f.createdAt().isBefore(utc(TO)))
                .filter(f -> keyId == null || keyId.equals(f.callerKeyId())).toList();
        try (Connection connection = UsageDatabases.connect(database)) {
            UsageDatabases.insert(connection, facts);

            UsageSeries actual = UsageSeriesSql.read(connection, FROM, TO, bucket, by, keyId);

            assertEquals(reference(inRange, bucket, by), plain(actual));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DATABASES")
    void everyHourIsAPointAndEachRequestIsInTheHourItFinishedIn(String database) throws SQLException {
        UsageSeries series = handful(database, at("03:00:00"), at("07:00:00"), UsageBucket.HOUR,
                UsageGrouping.PROVIDER, null);

        assertEquals(List.of(
                // 19 at 03:05 and one at 03:59:59.999; 0.1 × 10 + 0.2 × 9 + 0.000000000001, exactly
                "2026-12-06T03:00:00Z 20 3 1910 0 2.800000000001 p50=10 p95=19 "
                        + "[anthropic 9 1 900 0 1.8, openai 11 2 1010 0 1.000000000001]",
                "2026-12-06T04:00:00Z 1 0 0 0 0 p50=7 p95=7 [anthropic 1 0 0 0 0]",
                "2026-12-06T05:00:00Z 0 0 0 0 0 p50=null p95=null []",
                "2026-12-06T06:00:00Z 3 0 0 30 0.3 p50=7 p95=9 [none 3 0 0 30 0.3]"), points(series));
        assertEquals(List.of("anthropic", "none", "openai"), series.groups());
        assertEquals(at("03:00:00"), series.from());
        assertEquals(at("07:00:00"), series.to());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DATABASES")
    void theFirstBucketStartsAtTheHourAndCountsFromFrom(String database) throws SQLException {
        UsageSeries series = handful(database, at("03:30:00"), at("06:10:06"),
                UsageBucket.HOUR, UsageGrouping.API_KEY, null);

        assertEquals(at("03:00:00"), series.from());
        assertEquals(List.of(
                "2026-12-06T03:00:00Z 1 0 10 0 0.000000000001 p50=1000 p95=1000 [key-a 1 0 10 0 0.000000000001]",
                "2026-12-06T04:00:00Z 1 0 0 0 0 p50=7 p95=7 [anonymous 1 0 0 0 0]",
                "2026-12-06T05:00:00Z 0 0 0 0 0 p50=null p95=null []",
                "2026-12-06T06:00:00Z 1 0 0 10 0.1 p50=5 p95=5 [key-b 1 0 0 10 0.1]"), points(series));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DATABASES")
    void aKeySeesOnlyItsOwnRequestsOnTheSameAxis(String database) throws SQLException {
        UsageSeries series = handful(database, at("03:00:00"), at("07:00:00"), UsageBucket.HOUR,
                UsageGrouping.MODEL, "key-b");

        assertEquals(List.of(
                "2026-12-06T03:00:00Z 0 0 0 0 0 p50=null p95=null []",
                "2026-12-06T04:00:00Z 0 0 0 0 0 p50=null p95=null []",
                "2026-12-06T05:00:00Z 0 0 0 0 0 p50=null p95=null []",
                "2026-12-06T06:00:00Z 3 0 0 30 0.3 p50=7 p95=9 [none/m 3 0 0 30 0.3]"), points(series));
        assertEquals(List.of("none/m"), series.groups());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DATABASES")
    void aDayBucketIsTheUtcDay(String database) throws SQLException {
        UsageSeries series = handful(database, Instant.parse("2026-12-05T12:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"), UsageBucket.DAY, UsageGrouping.PROVIDER, null);

        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), series.from());
        List<String> points = points(series);
        assertEquals("2026-12-05T00:00:00Z 0 0 0 0 0 p50=null p95=null []", points.get(0));
        // the 26 records of the 6th, 02:59:59.999 and 07:00 too: latencies 1..19, 1000, 7, 5, 9, 7, 2, 3000
        assertEquals("2026-12-06T00:00:00Z 26 3 1910 40 3.200000000001 p50=9 p95=1000 "
                + "[anthropic 11 1 900 0 1.8, none 4 0 0 40 0.4, openai 11 2 1010 0 1.000000000001]",
                points.get(1));
        assertEquals(2, points.size());
    }

    /** The series of {@link #handful()} records in a database of the case's own. */
    private static UsageSeries handful(String database, Instant from, Instant to, UsageBucket bucket,
            UsageGrouping by, String keyId) throws SQLException {
        try (Connection connection = UsageDatabases.connect(database)) {
            UsageDatabases.insert(connection, handful());
            return UsageSeriesSql.read(connection, from, to, bucket, by, keyId);
        }
    }

    /**
     * 03:05 nineteen requests with latencies 19 down to 1, openai (odd) at 0.1 and anthropic (even) at 0.2, every
     * fifth an error, every seventh cancelled; 03:59:59.999 the slowest; 04:00 one unpriced; none in 05; three in 06;
     * and one just outside 03:00 to 07:00 on each side.
     */
    private static List<UsageFacts> handful() {
        List<UsageFacts> facts = new ArrayList<>();
        for (int i = 19; i >= 1; i--) {
            UsageEvent.Outcome outcome = i % 5 == 0 ? UsageEvent.Outcome.ERROR
                    : i % 7 == 0 ? UsageEvent.Outcome.CANCELLED : UsageEvent.Outcome.SUCCESS;
            boolean odd = i % 2 == 1;
            facts.add(new UsageFacts(local("03:05:00").plusSeconds(i), "key-a", odd ? "openai" : "anthropic",
                    "gpt", outcome, 100, null, new BigDecimal(odd ? "0.1" : "0.2"), i));
        }
        facts.add(new UsageFacts(local("03:59:59.999"), "key-a", "openai", "gpt", UsageEvent.Outcome.SUCCESS, 10,
                null, new BigDecimal("0.000000000001"), 1000));
        facts.add(new UsageFacts(local("04:00:00"), null, "anthropic", null, UsageEvent.Outcome.SUCCESS, null, null,
                null, 7));
        for (long latency : new long[] {5, 9, 7}) {
            facts.add(new UsageFacts(local("06:10:00").plusSeconds(latency), "key-b", null, "m",
                    UsageEvent.Outcome.SUCCESS, null, 10, new BigDecimal("0.1"), latency));
        }
        facts.add(new UsageFacts(local("02:59:59.999"), "key-b", null, "m", UsageEvent.Outcome.SUCCESS, null, 10,
                new BigDecimal("0.1"), 2));
        facts.add(new UsageFacts(local("07:00:00"), null, "anthropic", null, UsageEvent.Outcome.SUCCESS, null, null,
                null, 3000));
        return facts;
    }

    /** The expected series from the facts in range: per bucket, the reference summary of its facts. */
    private static List<String> reference(List<UsageFacts> inRange, UsageBucket bucket, UsageGrouping by) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> groups = new TreeSet<>(by.order());
        for (Instant start = bucket.floor(FROM); start.isBefore(TO); start = bucket.next(start)) {
            Instant bucketStart = start;
            List<UsageFacts> in = inRange.stream()
                    .filter(f -> bucket.floor(f.createdAt().toInstant(ZoneOffset.UTC)).equals(bucketStart)).toList();
            List<UsageSeriesGroupRow> rows = UsageSummaries.summarise(in, by).stream()
                    .map(r -> new UsageSeriesGroupRow(r.group(), r.requests(), r.errors(), r.inputTokens(),
                            r.outputTokens(), r.cost())).toList();
            rows.forEach(r -> groups.add(r.group()));
            long[] sorted = in.stream().mapToLong(UsageFacts::latencyMs).sorted().toArray();
            long[] p50p95 = sorted.length == 0 ? null
                    : new long[] {UsageSummaries.nearestRank(sorted, 50), UsageSummaries.nearestRank(sorted, 95)};
            lines.add(plain(UsageSeriesPoint.of(start, rows, p50p95)));
        }
        lines.add("groups " + groups + " from " + bucket.floor(FROM) + " to " + TO);
        return lines;
    }

    private static List<String> plain(UsageSeries series) {
        List<String> lines = new ArrayList<>(points(series));
        lines.add("groups " + series.groups() + " from " + series.from() + " to " + series.to());
        return lines;
    }

    private static List<String> points(UsageSeries series) {
        return series.points().stream().map(UsageSeriesSqlTest::plain).toList();
    }

    /** A point as text, amounts without the scale a DECIMAL column hands back. */
    private static String plain(UsageSeriesPoint p) {
        return p.start() + " " + p.requests() + " " + p.errors() + " " + p.inputTokens() + " " + p.outputTokens()
                + " " + amount(p.cost()) + " p50=" + p.p50LatencyMs() + " p95=" + p.p95LatencyMs() + " "
                + p.groups().stream().map(g -> g.group() + " " + g.requests() + " " + g.errors() + " "
                        + g.inputTokens() + " " + g.outputTokens() + " " + amount(g.cost())).toList();
    }

    private static String amount(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Instant at(String time) {
        return local(time).toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime local(String time) {
        return LocalDateTime.parse("2026-12-06T" + time);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
