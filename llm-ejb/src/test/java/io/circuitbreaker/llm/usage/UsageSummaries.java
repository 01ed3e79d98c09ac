package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The usage summary computed in Java from the facts: the reference the database's {@code GROUP BY} ({@link
 * UsageSummarySql}) is checked against, on the same records.
 */
public final class UsageSummaries {

    private UsageSummaries() {
    }

    /**
     * One row per group, sorted by group key ascending ({@link UsageGrouping#DAY} by date). Empty input gives an
     * empty list.
     */
    public static List<UsageSummaryRow> summarise(List<UsageFacts> facts, UsageGrouping by) {
        Map<String, Group> groups = new TreeMap<>(by.order());
        for (UsageFacts f : facts) {
            groups.computeIfAbsent(keyOf(by, f), k -> new Group()).add(f);
        }
        List<UsageSummaryRow> rows = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> rows.add(group.toRow(key)));
        return rows;
    }

    /** The group key, as the database builds it. */
    static String keyOf(UsageGrouping by, UsageFacts f) {
        return switch (by) {
            case PROVIDER -> orNone(f.providerId());
            case MODEL -> f.providerId() == null && f.model() == null ? UsageGrouping.NONE
                    : orNone(f.providerId()) + "/" + orNone(f.model());
            case API_KEY -> f.callerKeyId() == null ? UsageGrouping.ANONYMOUS : f.callerKeyId();
            // createdAt is already UTC (see UsageRecordEntity), so its date is the UTC day
            case DAY -> f.createdAt().toLocalDate().toString();
        };
    }

    private static String orNone(String value) {
        return value == null ? UsageGrouping.NONE : value;
    }

    /**
     * The nearest-rank percentile: the ⌈p/100 × n⌉-th smallest value, so always one of the observed values (no
     * interpolation). For p = 95: n = 1 or 2 gives the largest, n = 20 the 19th, n = 100 the 95th. Computed in
     * integers so the rank is exact for any percent: in doubles {@code 0.07 * 100} is 7.000000000000001, whose
     * ceiling would be one rank too high.
     *
     * @param sorted values in ascending order, at least one
     */
    static long nearestRank(long[] sorted, int percent) {
        int n = sorted.length;
        int rank = (int) (((long) percent * n + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static final class Group {
        private long requests;
        private long errors;
        private long inputTokens;
        private long outputTokens;
        private BigDecimal cost = BigDecimal.ZERO;
        private long latencySum;
        private long cacheHits;
        private BigDecimal costSaved = BigDecimal.ZERO;
        private long[] latencies = new long[8];

        void add(UsageFacts f) {
            if (requests == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[(int) requests] = f.latencyMs();
            requests++;
            // only ERROR counts: CANCELLED means the caller stopped the request, not that the gateway failed it
            if (f.outcome() == UsageEvent.Outcome.ERROR) {
                errors++;
            }
            inputTokens += f.inputTokens() == null ? 0 : f.inputTokens();
            outputTokens += f.outputTokens() == null ? 0 : f.outputTokens();
            if (f.costUsd() != null) {
                cost = cost.add(f.costUsd());
            }
            latencySum += f.latencyMs();
            if (UsageEvent.CACHE_HIT.equals(f.cacheStatus())) {
                cacheHits++;
            }
            if (f.costSaved() != null) {
                costSaved = costSaved.add(f.costSaved());
            }
        }

        UsageSummaryRow toRow(String key) {
            long[] sorted = Arrays.copyOf(latencies, (int) requests);
            Arrays.sort(sorted);
            return new UsageSummaryRow(key, requests, errors, inputTokens, outputTokens, cost,
                    (double) latencySum / requests, nearestRank(sorted, 95), cacheHits, costSaved);
        }
    }
}
