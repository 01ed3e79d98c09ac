package io.circuitbreaker.llm.usage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: the usage summary at volume (run by {@code benchmark/usage-summary.sh}). Fills a PostgreSQL schema of
 * its own with 1,000,000 usage records spread evenly over the last 30 days (the table and indexes as the gateway creates them), then
 * times {@link UsageSummarySql#read} over those 30 days (every record in range) grouped by model, as {@code usageSummary(groupBy: MODEL)}
 * runs it, and prints the figures. The schema is dropped at the end.
 */
public final class UsageSummaryBenchmark {

    private UsageSummaryBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        String url = System.getenv().getOrDefault("IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String schema = "usage_bench_" + Long.toString(System.nanoTime(), 36);
        try (Connection connection = DriverManager.getConnection(url,
                System.getenv().getOrDefault("IT_PG_USER", "postgres"),
                System.getenv().getOrDefault("IT_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            try {
                long fill = System.nanoTime();
                fill(statement, records);
                System.out.printf("filled %,d records in %.1f s%n", records, (System.nanoTime() - fill) / 1e9);
                Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                Instant from = to.minus(30, ChronoUnit.DAYS);
                long[] millis = new long[7];
                List<UsageSummaryRow> rows = List.of();
                for (int run = 0; run < millis.length; run++) {
                    long start = System.nanoTime();
                    rows = UsageSummarySql.read(connection, from, to, UsageGrouping.MODEL, null);
                    millis[run] = (System.nanoTime() - start) / 1_000_000;
                }
                long requests = rows.stream().mapToLong(UsageSummaryRow::requests).sum();
                long[] sorted = millis.clone();
                Arrays.sort(sorted);
                System.out.printf("usageSummary(30 days, groupBy: MODEL): %d groups, %,d requests; runs %s ms; "
                        + "first %d ms, median %d ms%n", rows.size(), requests, Arrays.toString(millis), millis[0],
                        sorted[sorted.length / 2]);
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** The table and indexes as EclipseLink creates them from UsageRecordEntity, and the records. */
    private static void fill(Statement statement, int records) throws SQLException {
        statement.execute("CREATE TABLE LLM_USAGE_RECORD (ID BIGSERIAL PRIMARY KEY, REQUEST_ID VARCHAR(64) NOT NULL, "
                + "CREATED_AT TIMESTAMP NOT NULL, CALLER_KEY_ID VARCHAR(128), PROVIDER_ID VARCHAR(128), "
                + "MODEL VARCHAR(256), OUTCOME VARCHAR(16) NOT NULL, INPUT_TOKENS INTEGER, OUTPUT_TOKENS INTEGER, "
                + "COST_USD DECIMAL(24,12), LATENCY_MS BIGINT NOT NULL)");
        statement.execute("INSERT INTO LLM_USAGE_RECORD (REQUEST_ID, CREATED_AT, CALLER_KEY_ID, PROVIDER_ID, MODEL, "
                + "OUTCOME, INPUT_TOKENS, OUTPUT_TOKENS, COST_USD, LATENCY_MS) SELECT 'req-' || i, "
                + "(NOW() AT TIME ZONE 'UTC') - (i::bigint * 2591990 / " + records + ") * INTERVAL '1 second', "
                + "'key-' || (i % 50), "
                + "(ARRAY['openai','anthropic','google'])[1 + i % 3], 'model-' || (i % 12), "
                + "CASE WHEN i % 50 = 0 THEN 'ERROR' ELSE 'SUCCESS' END, i % 4000, i % 700, "
                + "(i % 1000) * 0.000001, 50 + (i::bigint * 7919) % 3000 FROM generate_series(1, " + records + ") AS i");
        statement.execute("CREATE INDEX IDX_USAGE_CREATED ON LLM_USAGE_RECORD (CREATED_AT)");
        statement.execute("CREATE INDEX IDX_USAGE_PROVIDER ON LLM_USAGE_RECORD (PROVIDER_ID, CREATED_AT)");
        statement.execute("CREATE INDEX IDX_USAGE_MODEL ON LLM_USAGE_RECORD (MODEL, CREATED_AT)");
        statement.execute("CREATE INDEX IDX_USAGE_CALLER ON LLM_USAGE_RECORD (CALLER_KEY_ID, CREATED_AT)");
        statement.execute("ANALYZE LLM_USAGE_RECORD");
    }
}
