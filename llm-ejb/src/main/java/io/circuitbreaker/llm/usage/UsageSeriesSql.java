package io.circuitbreaker.llm.usage;

import io.circuitbreaker.llm.usage.UsageSummarySql.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A usage series computed by the database, as {@link UsageSummarySql} computes a summary: one {@code GROUP BY}
 * (bucket, group key) over the range sums requests, errors, tokens and cost, so no usage row is loaded into the JVM
 * for them; the empty buckets are filled in here.
 *
 * <p>A bucket is the UTC date (and hour) of CREATED_AT, which holds UTC wall-clock time: the day as ISO text, as the
 * DAY grouping builds it, and the hour as an integer. The latency percentiles are of the whole bucket, across its
 * groups, by the nearest-rank method. PostgreSQL computes them in a second {@code GROUP BY} bucket
 * ({@code percentile_disc} is the nearest rank); Derby has no percentile function, so its latencies are streamed in
 * time order and each bucket's ranks picked here, holding one bucket's latencies at a time. Time order rather than
 * (bucket, latency) order because the index on CREATED_AT (or on the caller's key and time) delivers it without a
 * sort: ordering by bucket and latency made Derby sort every row of the range, 100,000 rows a week of a busy
 * gateway, which took longer than the {@code GROUP BY}; sorting one bucket's few hundred latencies here costs
 * next to nothing.
 */
final class UsageSeriesSql {

    private UsageSeriesSql() {
    }

    /** The bucket's columns: the UTC day as yyyy-mm-dd text, then for hours the UTC hour (0 to 23). */
    static String bucketColumns(UsageBucket bucket, Dialect dialect) {
        String day = UsageSummarySql.keyExpression(UsageGrouping.DAY);
        return switch (bucket) {
            case DAY -> day;
            // PostgreSQL's EXTRACT answers a numeric; the cast gives both databases an integer column
            case HOUR -> day + ", " + (dialect == Dialect.POSTGRESQL
                    ? "CAST(EXTRACT(HOUR FROM CREATED_AT) AS INTEGER)" : "HOUR(CREATED_AT)");
        };
    }

    /** The sums per bucket and group: the bucket's columns, the group key, then {@link UsageSummarySql#TOTALS}. */
    static String totalsQuery(UsageBucket bucket, UsageGrouping by, boolean byKey, Dialect dialect) {
        String groupedBy = bucketColumns(bucket, dialect) + ", " + UsageSummarySql.keyExpression(by);
        return "SELECT " + groupedBy + ", " + UsageSummarySql.TOTALS + " FROM LLM_USAGE_RECORD"
                + UsageSummarySql.where(byKey) + " GROUP BY " + groupedBy;
    }

    /** PostgreSQL's p50 and p95 per bucket, after the bucket's columns. */
    static String percentileQuery(UsageBucket bucket, boolean byKey) {
        String buckets = bucketColumns(bucket, Dialect.POSTGRESQL);
        return "SELECT " + buckets + ", PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY LATENCY_MS), "
                + "PERCENTILE_DISC(0.95) WITHIN GROUP (ORDER BY LATENCY_MS) FROM LLM_USAGE_RECORD"
                + UsageSummarySql.where(byKey) + " GROUP BY " + buckets;
    }

    /** Derby's latencies in time order, so each bucket's are contiguous. */
    static String latencyQuery(boolean byKey) {
        return "SELECT CREATED_AT, LATENCY_MS FROM LLM_USAGE_RECORD" + UsageSummarySql.where(byKey)
                + " ORDER BY CREATED_AT";
    }

    /** The series of {@code [from, to)}; {@code keyId} restricts it to one caller's requests unless {@code null}. */
    static UsageSeries read(Connection connection, Instant from, Instant to, UsageBucket bucket, UsageGrouping by,
            String keyId) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        Map<Instant, List<UsageSeriesGroupRow>> cells = new HashMap<>();
        TreeSet<String> groups = new TreeSet<>(by.order());
        try (PreparedStatement query = connection.prepareStatement(
                totalsQuery(bucket, by, keyId != null, dialect))) {
            UsageSummarySql.bindRange(query, from, to, keyId);
            try (ResultSet result = query.executeQuery()) {
                int key = columns(bucket) + 1;
                while (result.next()) {
                    BigDecimal cost = result.getBigDecimal(key + 5);
                    UsageSeriesGroupRow row = new UsageSeriesGroupRow(result.getString(key).trim(),
                            result.getLong(key + 1), result.getLong(key + 2), result.getLong(key + 3),
                            result.getLong(key + 4), cost == null ? BigDecimal.ZERO : cost);
                    cells.computeIfAbsent(start(result, bucket), s -> new ArrayList<>()).add(row);
                    groups.add(row.group());
                }
            }
        }
        Map<Instant, long[]> percentiles = dialect == Dialect.POSTGRESQL
                ? percentiles(connection, from, to, bucket, keyId)
                : rankedLatencies(connection, from, to, bucket, keyId);
        Comparator<UsageSeriesGroupRow> order = Comparator.comparing(UsageSeriesGroupRow::group, by.order());
        List<UsageSeriesPoint> points = new ArrayList<>();
        for (Instant start = bucket.floor(from); start.isBefore(to); start = bucket.next(start)) {
            List<UsageSeriesGroupRow> inBucket = cells.getOrDefault(start, List.of());
            points.add(UsageSeriesPoint.of(start, inBucket.stream().sorted(order).toList(), percentiles.get(start)));
        }
        return new UsageSeries(bucket, bucket.floor(from), to, List.copyOf(groups), points);
    }

    private static Map<Instant, long[]> percentiles(Connection connection, Instant from, Instant to,
            UsageBucket bucket, String keyId) throws SQLException {
        Map<Instant, long[]> percentiles = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(percentileQuery(bucket, keyId != null))) {
            UsageSummarySql.bindRange(query, from, to, keyId);
            try (ResultSet result = query.executeQuery()) {
                int p50 = columns(bucket) + 1;
                while (result.next()) {
                    percentiles.put(start(result, bucket), new long[] {result.getLong(p50), result.getLong(p50 + 1)});
                }
            }
        }
        return percentiles;
    }

    /** Streams the latencies in time order, keeping only the current bucket's, and picks each bucket's ranks. */
    private static Map<Instant, long[]> rankedLatencies(Connection connection, Instant from, Instant to,
            UsageBucket bucket, String keyId) throws SQLException {
        Map<Instant, long[]> percentiles = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(latencyQuery(keyId != null))) {
            UsageSummarySql.bindRange(query, from, to, keyId);
            try (ResultSet result = query.executeQuery()) {
                Instant current = null;
                long[] latencies = new long[256];
                int n = 0;
                while (result.next()) {
                    Instant start = bucket.floor(result.getTimestamp(1, UsageSummarySql.UTC.get()).toInstant());
                    if (!start.equals(current)) {
                        putRanks(percentiles, current, latencies, n);
                        current = start;
                        n = 0;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = result.getLong(2);
                }
                putRanks(percentiles, current, latencies, n);
            }
        }
        return percentiles;
    }

    /** Sorts the bucket's first {@code n} latencies and keeps its p50 and p95. */
    private static void putRanks(Map<Instant, long[]> percentiles, Instant start, long[] latencies, int n) {
        if (n > 0) {
            Arrays.sort(latencies, 0, n);
            percentiles.put(start, new long[] {latencies[(int) UsageSummarySql.nearestRank(50, n) - 1],
                    latencies[(int) UsageSummarySql.nearestRank(95, n) - 1]});
        }
    }

    private static int columns(UsageBucket bucket) {
        return bucket == UsageBucket.HOUR ? 2 : 1;
    }

    /** The bucket's start from the row's leading bucket columns. */
    private static Instant start(ResultSet result, UsageBucket bucket) throws SQLException {
        Instant day = LocalDate.parse(result.getString(1).trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        return bucket == UsageBucket.HOUR ? day.plusSeconds(3600L * result.getInt(2)) : day;
    }
}
