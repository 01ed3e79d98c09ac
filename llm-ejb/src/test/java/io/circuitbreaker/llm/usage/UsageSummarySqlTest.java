package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database's usage summary equals the Java reference ({@link UsageSummaries}) on the same records: every grouping,
 * with and without a caller's key, on embedded Derby and on PostgreSQL (skipped when nothing listens on
 * 127.0.0.1:5432). The records are random but seeded ({@link UsageDatabases#random}).
 */
class UsageSummarySqlTest {

    private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T12:00:00Z");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String database : UsageDatabases.DATABASES) {
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
        try (Connection connection = UsageDatabases.connect(database)) {
            List<UsageFacts> facts = UsageDatabases.random(22, 1500, utc(FROM.minusSeconds(6 * 3600)));
            UsageDatabases.insert(connection, facts);
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

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
