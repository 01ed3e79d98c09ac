package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.usage.UsageEvent.Outcome;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UsageSummariesTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2024, 6, 1, 12, 0);

    private static UsageFacts fact(String key, String provider, String model, Outcome outcome, Integer in,
            Integer out, String cost, long latencyMs) {
        return new UsageFacts(NOON, key, provider, model, outcome, in, out, cost == null ? null : new BigDecimal(cost),
                latencyMs);
    }

    private static UsageFacts at(LocalDateTime createdAt) {
        return new UsageFacts(createdAt, "k1", "openai", "gpt-4o", Outcome.SUCCESS, 1, 1, null, 10);
    }

    private static UsageFacts latency(long ms) {
        return fact("k1", "openai", "gpt-4o", Outcome.SUCCESS, 1, 1, null, ms);
    }

    private static List<String> groups(List<UsageSummaryRow> rows) {
        return rows.stream().map(UsageSummaryRow::group).toList();
    }

    private static final List<UsageFacts> MIXED = List.of(
            fact("k2", "openai", "gpt-4o", Outcome.SUCCESS, 100, 50, "0.00125", 200),
            fact(null, "azure", "gpt-4o", Outcome.ERROR, null, null, null, 30),
            fact("k1", "openai", "gpt-3.5-turbo", Outcome.CANCELLED, 10, null, "0.0002", 100),
            fact("k1", null, null, Outcome.ERROR, null, null, null, 5));

    @Test
    void groupsByProviderSortedWithUnansweredRequestsUnderNone() {
        List<UsageSummaryRow> rows = UsageSummaries.summarise(MIXED, UsageGrouping.PROVIDER);
        assertEquals(List.of("azure", "none", "openai"), groups(rows));
        UsageSummaryRow openai = rows.get(2);
        assertEquals(2, openai.requests());
        assertEquals(110, openai.inputTokens());
        assertEquals(50, openai.outputTokens());
        assertEquals(new BigDecimal("0.00145"), openai.cost());
    }

    @Test
    void groupsByModelKeepingTheSameModelAtTwoProvidersApart() {
        List<UsageSummaryRow> rows = UsageSummaries.summarise(MIXED, UsageGrouping.MODEL);
        assertEquals(List.of("azure/gpt-4o", "none", "openai/gpt-3.5-turbo", "openai/gpt-4o"), groups(rows));
        rows.forEach(r -> assertEquals(1, r.requests()));
    }

    @Test
    void groupsByApiKeyWithMissingKeysAsAnonymous() {
        List<UsageSummaryRow> rows = UsageSummaries.summarise(MIXED, UsageGrouping.API_KEY);
        assertEquals(List.of("anonymous", "k1", "k2"), groups(rows));
        assertEquals(2, rows.get(1).requests());
    }

    @Test
    void groupsByUtcDayAcrossMidnight() {
        List<UsageFacts> facts = List.of(
                at(LocalDateTime.of(2024, 6, 2, 0, 0, 0)),
                at(LocalDateTime.of(2024, 6, 1, 23, 59, 59, 999_999_999)),
                at(LocalDateTime.of(2024, 6, 2, 0, 0, 1)),
                at(LocalDateTime.of(2023, 12, 31, 23, 0)));
        List<UsageSummaryRow> rows = UsageSummaries.summarise(facts, UsageGrouping.DAY);
        assertEquals(List.of("2023-12-31", "2024-06-01", "2024-06-02"), groups(rows));
        assertEquals(List.of(1L, 1L, 2L), rows.stream().map(UsageSummaryRow::requests).toList());
    }

    @Test
    void dayOrderIsByDateEvenWhereTheTextWouldSortOtherwise() {
        // LocalDate prints years past 9999 with a leading '+', which sorts before digits as text
        List<UsageFacts> facts = List.of(at(LocalDateTime.of(10000, 1, 1, 0, 0)), at(NOON));
        assertEquals(List.of("2024-06-01", "+10000-01-01"),
                groups(UsageSummaries.summarise(facts, UsageGrouping.DAY)));
    }

    @Test
    void countsOnlyErrorsNotCancellations() {
        List<UsageSummaryRow> rows = UsageSummaries.summarise(MIXED, UsageGrouping.API_KEY);
        assertEquals(1, rows.get(0).errors()); // anonymous: one ERROR
        assertEquals(1, rows.get(1).errors()); // k1: one ERROR, one CANCELLED
        assertEquals(0, rows.get(2).errors()); // k2: SUCCESS
    }

    @Test
    void nullTokensAddNothingAndNullCostsLeaveZero() {
        List<UsageFacts> facts = List.of(
                fact("k", "p", "m", Outcome.ERROR, null, null, null, 1),
                fact("k", "p", "m", Outcome.SUCCESS, 7, null, null, 1),
                fact("k", "p", "m", Outcome.SUCCESS, null, 3, null, 1));
        UsageSummaryRow row = UsageSummaries.summarise(facts, UsageGrouping.PROVIDER).get(0);
        assertEquals(7, row.inputTokens());
        assertEquals(3, row.outputTokens());
        assertEquals(BigDecimal.ZERO, row.cost());
    }

    @Test
    void sumsCostsExactlyWithoutRounding() {
        List<UsageFacts> facts = List.of(
                fact("k", "p", "m", Outcome.SUCCESS, 1, 1, "0.0000225", 1),
                fact("k", "p", "m", Outcome.SUCCESS, 1, 1, null, 1),
                fact("k", "p", "m", Outcome.SUCCESS, 1, 1, "0.000875", 1));
        BigDecimal cost = UsageSummaries.summarise(facts, UsageGrouping.PROVIDER).get(0).cost();
        assertEquals(new BigDecimal("0.0008975"), cost); // equals: same value and scale
        assertEquals("0.0008975", cost.toPlainString());
    }

    @Test
    void sumsManySmallCostsWithoutDrift() {
        // as doubles, ten times 0.1 is 0.9999999999999999
        List<UsageFacts> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facts.add(fact("k", "p", "m", Outcome.SUCCESS, 1, 1, "0.1", 1));
        }
        assertEquals(0, new BigDecimal("1").compareTo(
                UsageSummaries.summarise(facts, UsageGrouping.PROVIDER).get(0).cost()));
    }

    @Test
    void meanLatency() {
        UsageSummaryRow row = UsageSummaries.summarise(List.of(latency(10), latency(15)), UsageGrouping.PROVIDER)
                .get(0);
        assertEquals(12.5, row.meanLatencyMs());
    }

    @Test
    void p95OfOneValueIsThatValue() {
        assertEquals(42, UsageSummaries.summarise(List.of(latency(42)), UsageGrouping.PROVIDER).get(0)
                .p95LatencyMs());
    }

    @Test
    void p95OfTwoValuesIsTheLarger() {
        // ceil(0.95 × 2) = 2nd smallest
        assertEquals(900, UsageSummaries.summarise(List.of(latency(900), latency(100)), UsageGrouping.PROVIDER)
                .get(0).p95LatencyMs());
    }

    @Test
    void p95OfTwentyValuesIsTheNineteenth() {
        // 1..20 given in descending order: ceil(0.95 × 20) = 19th smallest
        List<UsageFacts> facts = LongStream.iterate(20, v -> v - 1).limit(20).mapToObj(UsageSummariesTest::latency)
                .toList();
        UsageSummaryRow row = UsageSummaries.summarise(facts, UsageGrouping.PROVIDER).get(0);
        assertEquals(19, row.p95LatencyMs());
        assertEquals(10.5, row.meanLatencyMs());
    }

    @Test
    void p95OfAHundredValuesIsTheNinetyFifth() {
        List<UsageFacts> facts = new ArrayList<>(LongStream.rangeClosed(1, 100).map(v -> v * 10)
                .mapToObj(UsageSummariesTest::latency).toList());
        Collections.shuffle(facts, new Random(7));
        assertEquals(950, UsageSummaries.summarise(facts, UsageGrouping.PROVIDER).get(0).p95LatencyMs());
    }

    @Test
    void nearestRankUsesExactIntegerCeiling() {
        // 0.07 × 100 is 7.000000000000001 in doubles, whose ceiling would wrongly be the 8th
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();
        assertEquals(7, UsageSummaries.nearestRank(sorted, 7));
        assertEquals(95, UsageSummaries.nearestRank(sorted, 95));
        assertEquals(100, UsageSummaries.nearestRank(sorted, 100));
        assertEquals(1, UsageSummaries.nearestRank(new long[] {1}, 95));
    }

    @Test
    void emptyInputGivesNoRows() {
        for (UsageGrouping by : UsageGrouping.values()) {
            assertTrue(UsageSummaries.summarise(List.of(), by).isEmpty());
        }
    }
}
