package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Not a test: the usage series at volume on embedded Derby, the database of a gateway without PostgreSQL. Fills an
 * in-memory database with usage records (100,000 unless an argument says otherwise) spread evenly over the last 7
 * days, with the table and the time index as EclipseLink creates them, then times {@link UsageSeriesSql#read} over
 * those 7 days by hour, grouped by provider and by model, 15 runs each (the first pays for class loading and JIT),
 * and prints the figures. Run it as {@code benchmark/usage-summary.sh} runs {@link UsageSummaryBenchmark}.
 */
public final class UsageSeriesBenchmark {

    private UsageSeriesBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(7, ChronoUnit.DAYS);
        try (Connection connection = DriverManager.getConnection("jdbc:derby:memory:series;create=true")) {
            long fill = System.nanoTime();
            fill(connection, records, to);
            System.out.printf("filled %,d records in %.1f s%n", records, (System.nanoTime() - fill) / 1e9);
            for (UsageGrouping by : new UsageGrouping[] {UsageGrouping.PROVIDER, UsageGrouping.MODEL}) {
                long[] millis = new long[15];
                UsageSeries series = null;
                for (int run = 0; run < millis.length; run++) {
                    long start = System.nanoTime();
                    series = UsageSeriesSql.read(connection, from, to, UsageBucket.HOUR, by, null);
                    millis[run] = (System.nanoTime() - start) / 1_000_000;
                }
                long requests = series.points().stream().mapToLong(UsageSeriesPoint::requests).sum();
                long[] sorted = millis.clone();
                Arrays.sort(sorted);
                System.out.printf("usageSeries(7 days, HOUR, %s): %d points, %d groups, %,d requests; runs %s ms; "
                        + "first %d ms, median %d ms, best %d ms%n", by, series.points().size(),
                        series.groups().size(), requests, Arrays.toString(millis), millis[0],
                        sorted[sorted.length / 2], sorted[0]);
            }
        }
    }

    /** The columns the series reads, the indexes of {@link UsageRecordEntity}, and the records. */
    private static void fill(Connection connection, int records, Instant to) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE LLM_USAGE_RECORD (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "REQUEST_ID VARCHAR(64) NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CALLER_KEY_ID VARCHAR(128), "
                    + "PROVIDER_ID VARCHAR(128), MODEL VARCHAR(256), OUTCOME VARCHAR(16) NOT NULL, "
                    + "INPUT_TOKENS INTEGER, OUTPUT_TOKENS INTEGER, COST_USD DECIMAL(24,12), "
                    + "LATENCY_MS BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX IDX_USAGE_CREATED ON LLM_USAGE_RECORD (CREATED_AT)");
            ddl.execute("CREATE INDEX IDX_USAGE_PROVIDER ON LLM_USAGE_RECORD (PROVIDER_ID, CREATED_AT)");
            ddl.execute("CREATE INDEX IDX_USAGE_MODEL ON LLM_USAGE_RECORD (MODEL, CREATED_AT)");
            ddl.execute("CREATE INDEX IDX_USAGE_CALLER ON LLM_USAGE_RECORD (CALLER_KEY_ID, CREATED_AT)");
        }
        String[] providers = {"openai", "anthropic", "google"};
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO LLM_USAGE_RECORD (REQUEST_ID, "
                + "CREATED_AT, CALLER_KEY_ID, PROVIDER_ID, MODEL, OUTCOME, INPUT_TOKENS, OUTPUT_TOKENS, COST_USD, "
                + "LATENCY_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= records; i++) {
                insert.setString(1, "req-" + i);
                insert.setTimestamp(2, Timestamp.from(to.minusSeconds(i * 604_790L / records)), utc);
                insert.setString(3, "key-" + i % 50);
                insert.setString(4, providers[i % 3]);
                insert.setString(5, "model-" + i % 12);
                insert.setString(6, i % 50 == 0 ? "ERROR" : "SUCCESS");
                insert.setInt(7, i % 4000);
                insert.setInt(8, i % 700);
                insert.setBigDecimal(9, BigDecimal.valueOf(i % 1000, 6));
                insert.setLong(10, 50 + (i * 7919L) % 3000);
                insert.addBatch();
                if (i % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
