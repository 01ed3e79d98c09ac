package io.circuitbreaker.llm.usage;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

/**
 * Databases of usage records for the SQL tests ({@link UsageSummarySqlTest}, {@link UsageSeriesSqlTest}): an
 * embedded Derby or a PostgreSQL schema of the test's own (skipped when nothing listens on 127.0.0.1:5432), the
 * columns the queries read, and seeded random records with nulls, errors, cancellations and ties in latency.
 */
final class UsageDatabases {

    /** The databases each case runs on. */
    static final List<String> DATABASES = List.of("derby", "postgresql");

    private static final String[] KEYS = {"key-a", "key-b", null};
    private static final String[] PROVIDERS = {"openai", "anthropic", null};
    private static final String[] MODELS = {"gpt-4o", "claude-3-haiku", null};

    private UsageDatabases() {
    }

    /** A database of the case's own with an empty LLM_USAGE_RECORD: in-memory Derby, or a schema dropped on close. */
    static Connection connect(String database) throws SQLException {
        Connection connection = open(database);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE LLM_USAGE_RECORD (CREATED_AT TIMESTAMP NOT NULL, CALLER_KEY_ID VARCHAR(128), "
                    + "PROVIDER_ID VARCHAR(128), MODEL VARCHAR(256), OUTCOME VARCHAR(16) NOT NULL, INPUT_TOKENS "
                    + "INTEGER, OUTPUT_TOKENS INTEGER, COST_USD DECIMAL(24,12), LATENCY_MS BIGINT NOT NULL, "
                    + "CACHE_STATUS VARCHAR(8), COST_SAVED DECIMAL(24,12))");
        }
        return connection;
    }

    private static Connection open(String database) throws SQLException {
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

    /** {@code count} random records from {@code start} over three days, the same for the same seed. */
    static List<UsageFacts> random(long seed, int count, LocalDateTime start) {
        Random random = new Random(seed);
        List<UsageFacts> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime at = start.plusSeconds(random.nextInt(3 * 24 * 3600));
            String key = KEYS[random.nextInt(KEYS.length)];
            String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
            String model = MODELS[random.nextInt(MODELS.length)];
            UsageEvent.Outcome outcome = UsageEvent.Outcome.values()[random.nextInt(3)];
            Integer input = random.nextInt(5) == 0 ? null : random.nextInt(5000);
            Integer output = random.nextInt(5) == 0 ? null : random.nextInt(800);
            BigDecimal cost = random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 9);
            long latency = random.nextInt(40) * 25L; // few distinct values: ties at the rank
            // a third of the requests looked the cache up; a hit costs nothing and saved a priced answer or not
            String cache = new String[] {null, UsageEvent.CACHE_HIT, UsageEvent.CACHE_MISS}[random.nextInt(3)];
            BigDecimal saved = UsageEvent.CACHE_HIT.equals(cache) && random.nextBoolean()
                    ? BigDecimal.valueOf(random.nextInt(1_000_000), 10) : null;
            if (UsageEvent.CACHE_HIT.equals(cache)) {
                cost = BigDecimal.ZERO;
            }
            facts.add(new UsageFacts(at, key, provider, model, outcome, input, output, cost, latency, cache, saved));
        }
        return facts;
    }

    /** Inserts the records, CREATED_AT as UTC wall-clock time as the gateway stores it. */
    static void insert(Connection connection, List<UsageFacts> facts) throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO LLM_USAGE_RECORD VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (UsageFacts f : facts) {
                insert.setTimestamp(1, Timestamp.from(f.createdAt().toInstant(ZoneOffset.UTC)), utc);
                insert.setString(2, f.callerKeyId());
                insert.setString(3, f.providerId());
                insert.setString(4, f.model());
                insert.setString(5, f.outcome().name());
                insert.setObject(6, f.inputTokens(), java.sql.Types.INTEGER);
                insert.setObject(7, f.outputTokens(), java.sql.Types.INTEGER);
                insert.setBigDecimal(8, f.costUsd());
                insert.setLong(9, f.latencyMs());
                insert.setString(10, f.cacheStatus());
                insert.setBigDecimal(11, f.costSaved());
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
