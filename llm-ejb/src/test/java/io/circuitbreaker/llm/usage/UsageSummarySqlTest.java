package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database's usage summary equals the Java reference ({@link UsageSummaries}) on the same records: every grouping,
 * with and without a caller's key, on embedded Derby and on PostgreSQL (skipped when nothing listens on
 * 127.0.0.1:5432). The records are random but seeded: nulls, errors, cancellations, ties in latency, three days.
 */
class UsageSummarySqlTest {

    private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T12:00:00Z");
    private static final String[] KEYS = {"key-a", "key-b", null};
    private static final String[] PROVIDERS = {"openai", "anthropic", null};
    private static final String[] MODELS = {"gpt-4o", "claude-3-haiku", null};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String database : List.of("derby", "postgresql")) {
            for (UsageGrouping by : UsageGrouping.values()) {
                cases.add(Arguments.of(database, by, null));
                cases.add(Arguments.of(database, by, "key-a"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} key={2}")
    @MethodSource("cases")
    void theDatabasesSummaryIsTheReferenceSummary(String database, UsageGrouping by, String keyId)
            throws SQLException {
        try (Connection connection = connect(database)) {
            List<UsageFacts> facts = records(connection);
            List<UsageFacts> inRange = facts.stream()
                    .filter(f -> !f.createdAt().isBefore(utc(FROM)) && f.createdAt().isBefore(utc(TO)))
                    .filter(f -> keyId == null || keyId.equals(f.callerKeyId())).toList();
            List<UsageSummaryRow> expected = UsageSummaries.summarise(inRange, by);

            List<UsageSummaryRow> actual = new ArrayList<>(UsageSummarySql.read(connection, FROM, TO, by, keyId));
            actual.sort(Comparator.comparing(UsageSummaryRow::group, by.order()));

            assertEquals(plain(expected), plain(actual));
        }
    }

    /** Rows with the cost as plain text: a DECIMAL column hands back its own scale. */
    private static List<String> plain(List<UsageSummaryRow> rows) {
        return rows.stream().map(r -> r.group() + " " + r.requests() + " " + r.errors() + " " + r.inputTokens() + " "
                + r.outputTokens() + " " + r.cost().stripTrailingZeros().toPlainString() + " " + r.meanLatencyMs()
                + " " + r.p95LatencyMs() + " hits " + r.cacheHits() + " saved "
                + r.costSaved().stripTrailingZeros().toPlainString()).toList();
    }

    private static List<UsageFacts> records(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE LLM_USAGE_RECORD (CREATED_AT TIMESTAMP NOT NULL, CALLER_KEY_ID VARCHAR(128), "
                    + "PROVIDER_ID VARCHAR(128), MODEL VARCHAR(256), OUTCOME VARCHAR(16) NOT NULL, INPUT_TOKENS "
                    + "INTEGER, OUTPUT_TOKENS INTEGER, COST_USD DECIMAL(24,12), LATENCY_MS BIGINT NOT NULL, "
                    + "CACHE_STATUS VARCHAR(8), COST_SAVED DECIMAL(24,12))");
        }
        Random random = new Random(22);
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        List<UsageFacts> facts = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO LLM_USAGE_RECORD VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 1500; i++) {
                LocalDateTime at = utc(FROM.minusSeconds(6 * 3600)).plusSeconds(random.nextInt(3 * 24 * 3600));
                String key = KEYS[random.nextInt(KEYS.length)];
                String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
                String model = MODELS[random.nextInt(MODELS.length)];
                UsageEvent.Outcome outcome = UsageEvent.Outcome.values()[random.nextInt(3)];
                Integer input = random.nextInt(5) == 0 ? null : random.nextInt(5000);
                Integer output = random.nextInt(5) == 0 ? null : random.nextInt(800);
                BigDecimal cost = random.nextInt(4) == 0 ? null
                        : BigDecimal.valueOf(random.nextInt(1_000_000), 9);
                long latency = random.nextInt(40) * 25L; // few distinct values: ties at the rank
                // a third of the requests looked the cache up; a hit costs nothing and saved a priced answer or not
                String cache = new String[] {null, UsageEvent.CACHE_HIT, UsageEvent.CACHE_MISS}[random.nextInt(3)];
                BigDecimal saved = UsageEvent.CACHE_HIT.equals(cache) && random.nextBoolean()
                        ? BigDecimal.valueOf(random.nextInt(1_000_000), 10) : null;
                if (UsageEvent.CACHE_HIT.equals(cache)) {
                    cost = BigDecimal.ZERO;
                }
                insert.setTimestamp(1, Timestamp.from(at.toInstant(ZoneOffset.UTC)), utc);
                insert.setString(2, key);
                insert.setString(3, provider);
                insert.setString(4, model);
                insert.setString(5, outcome.name());
                insert.setObject(6, input, java.sql.Types.INTEGER);
                insert.setObject(7, output, java.sql.Types.INTEGER);
                insert.setBigDecimal(8, cost);
                insert.setLong(9, latency);
                insert.setString(10, cache);
                insert.setBigDecimal(11, saved);
                insert.addBatch();
                facts.add(new UsageFacts(at, key, provider, model, outcome, input, output, cost, latency, cache,
                        saved));
            }
            insert.executeBatch();
        }
        return facts;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A database of this case's own: an in-memory Derby, or a fresh PostgreSQL schema dropped on close. */
    private static Connection connect(String database) throws SQLException {
        if (database.equals("derby")) {
            String name = "usage" + System.nanoTime();
            return DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
        }
        assumeTrue(listening("127.0.0.1", 5432), "PostgreSQL case skipped: nothing listens on 127.0.0.1:5432");
        String url = System.getenv().getOrDefault("IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("IT_PG_USER", "postgres");
        String schema = "usage_sql_" + Long.toString(System.nanoTime(), 36);
        Connection connection = DriverManager.getConnection(url, user,
                System.getenv().getOrDefault("IT_PG_PASSWORD", ""));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
        }
        return new DroppingConnection(connection, schema).proxy();
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Drops the case's schema when the connection is closed. */
    private record DroppingConnection(Connection connection, String schema) {

        Connection proxy() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (self, method, args) -> {
                        if (method.getName().equals("close")) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("DROP SCHEMA " + schema + " CASCADE");
                            }
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
