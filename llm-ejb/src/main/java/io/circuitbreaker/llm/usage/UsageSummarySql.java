package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A usage summary computed by the database: one {@code GROUP BY} over the time range (served by the index on
 * {@code CREATED_AT}, or on the caller's key and time), so no usage row is loaded into the JVM however many there are.
 *
 * <p>The p95 latency is the nearest-rank percentile, the ⌈0.95 × n⌉-th smallest latency (always an observed value). PostgreSQL
 * computes it in the same query ({@code percentile_disc}, which is the nearest rank); Derby has no percentile
 * function, so it is read per group as the value at that rank ({@code OFFSET ... FETCH NEXT 1 ROW}), one small query
 * per group. Group keys are built in SQL exactly as {@link UsageGrouping} builds them in Java.
 */
final class UsageSummarySql {

    /** The database the SQL is written for: what differs is the percentile. */
    enum Dialect {
        POSTGRESQL, DERBY;

        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? POSTGRESQL : DERBY;
        }
    }

    /** Reads and writes CREATED_AT as the UTC wall-clock time it holds, whatever the JVM's zone. */
    static final ThreadLocal<Calendar> UTC =
            ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    private UsageSummarySql() {
    }

    /** The SQL expression of a grouping's key, the same text {@link UsageGrouping#keyOf} gives. */
    static String keyExpression(UsageGrouping by) {
        return switch (by) {
            case PROVIDER -> "COALESCE(PROVIDER_ID, '" + UsageGrouping.NONE + "')";
            case MODEL -> "CASE WHEN PROVIDER_ID IS NULL AND MODEL IS NULL THEN '" + UsageGrouping.NONE + "' ELSE "
                    + "COALESCE(PROVIDER_ID, '" + UsageGrouping.NONE + "') || '/' || COALESCE(MODEL, '"
                    + UsageGrouping.NONE + "') END";
            case API_KEY -> "COALESCE(CALLER_KEY_ID, '" + UsageGrouping.ANONYMOUS + "')";
            // CREATED_AT holds UTC wall-clock time, so its date is the UTC day; CHAR gives ISO yyyy-mm-dd on both
            case DAY -> "CAST(CAST(CREATED_AT AS DATE) AS CHAR(10))";
        };
    }

    /**
     * Requests, errors, input and output tokens and cost of a group, five columns; the usage series sums the same
     * ({@link UsageSeriesSql}). Only ERROR is an error: a cancelled request was stopped by its caller.
     */
    static final String TOTALS = "COUNT(*), SUM(CASE WHEN OUTCOME = 'ERROR' THEN 1 ELSE 0 END), "
            + "SUM(COALESCE(INPUT_TOKENS, 0)), SUM(COALESCE(OUTPUT_TOKENS, 0)), SUM(COST_USD)";

    static String summaryQuery(UsageGrouping by, boolean byKey, Dialect dialect) {
        String key = keyExpression(by);
        return "SELECT " + key + " AS GROUP_KEY, " + TOTALS + ", SUM(LATENCY_MS), "
                + "SUM(CASE WHEN CACHE_STATUS = 'HIT' THEN 1 ELSE 0 END), SUM(COST_SAVED)"
                + (dialect == Dialect.POSTGRESQL ? ", PERCENTILE_DISC(0.95) WITHIN GROUP (ORDER BY LATENCY_MS)" : "")
                + " FROM LLM_USAGE_RECORD" + where(byKey) + " GROUP BY " + key;
    }

    /** Derby's p95 of one group: the latency at the nearest rank, counted from 0. */
    static String rankQuery(UsageGrouping by, boolean byKey) {
        return "SELECT LATENCY_MS FROM LLM_USAGE_RECORD" + where(byKey) + " AND " + keyExpression(by) + " = ?"
                + " ORDER BY LATENCY_MS OFFSET ? ROWS FETCH NEXT 1 ROW ONLY";
    }

    /** The range (and the key) condition; {@link #bindRange} binds its parameters. */
    static String where(boolean byKey) {
        return " WHERE CREATED_AT >= ? AND CREATED_AT < ?" + (byKey ? " AND CALLER_KEY_ID = ?" : "");
    }

    /** The summary rows, unordered; {@code keyId} restricts it to one caller's requests unless {@code null}. */
    static List<UsageSummaryRow> read(Connection connection, Instant from, Instant to, UsageGrouping by,
            String keyId) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        List<UsageSummaryRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(summaryQuery(by, keyId != null, dialect))) {
            bindRange(query, from, to, keyId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long requests = result.getLong(2);
                    BigDecimal cost = result.getBigDecimal(6);
                    long latencySum = result.getLong(7);
                    BigDecimal saved = result.getBigDecimal(9);
                    long p95 = dialect == Dialect.POSTGRESQL ? result.getLong(10) : -1;
                    rows.add(new UsageSummaryRow(result.getString(1).trim(), requests, result.getLong(3),
                            result.getLong(4), result.getLong(5), cost == null ? BigDecimal.ZERO : cost,
                            (double) latencySum / requests, p95, result.getLong(8),
                            saved == null ? BigDecimal.ZERO : saved));
                }
            }
        }
        if (dialect == Dialect.DERBY) {
            List<UsageSummaryRow> withP95 = new ArrayList<>(rows.size());
            try (PreparedStatement rank = connection.prepareStatement(rankQuery(by, keyId != null))) {
                for (UsageSummaryRow row : rows) {
                    withP95.add(row.withP95(latencyAtRank(rank, from, to, keyId, row)));
                }
            }
            return withP95;
        }
        return rows;
    }

    private static long latencyAtRank(PreparedStatement rank, Instant from, Instant to, String keyId,
            UsageSummaryRow row) throws SQLException {
        int next = bindRange(rank, from, to, keyId);
        rank.setString(next, row.group());
        long ranked = nearestRank(95, row.requests());
        rank.setLong(next + 1, ranked - 1);
        try (ResultSet result = rank.executeQuery()) {
            if (!result.next()) {
                throw new SQLException("no latency at rank " + ranked + " of group " + row.group());
            }
            return result.getLong(1);
        }
    }

    /**
     * The rank, counted from 1, of the {@code percent}th percentile of {@code n ≥ 1} values by the nearest-rank
     * method: ⌈percent/100 × n⌉, at least 1. In integers: in doubles 0.95 × n can land a rank too high.
     */
    static long nearestRank(int percent, long n) {
        return Math.max((percent * n + 99) / 100, 1);
    }

    /** Binds the range (and the key), returning the next parameter index. */
    static int bindRange(PreparedStatement statement, Instant from, Instant to, String keyId)
            throws SQLException {
        statement.setTimestamp(1, Timestamp.from(from), UTC.get());
        statement.setTimestamp(2, Timestamp.from(to), UTC.get());
        if (keyId == null) {
            return 3;
        }
        statement.setString(3, keyId);
        return 4;
    }
}
