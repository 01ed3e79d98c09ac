package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The argument checks run before any database access, so they need no EntityManager. */
class UsageQueriesTest {

    private static final Instant T = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void rejectsFromAfterTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UsageQueries().summary(T.plusSeconds(1), T, UsageGrouping.DAY));
        assertTrue(e.getMessage().contains("from before to"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new UsageQueries().summary(T, T, UsageGrouping.DAY));
    }

    @Test
    void rejectsMissingArguments() {
        assertThrows(IllegalArgumentException.class, () -> new UsageQueries().summary(null, T, UsageGrouping.DAY));
        assertThrows(IllegalArgumentException.class, () -> new UsageQueries().summary(T, null, UsageGrouping.DAY));
        assertThrows(IllegalArgumentException.class, () -> new UsageQueries().summary(T, T.plusSeconds(1), null));
    }

    @Test
    void aSeriesIsNotGroupedByDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UsageQueries().series(T, T.plusSeconds(3600), UsageBucket.HOUR, UsageGrouping.DAY, null));
        assertTrue(e.getMessage().contains("choose bucket DAY"), e.getMessage());
    }

    @Test
    void aSeriesHasAtMostAThousandBuckets() {
        // 1000 whole hours are 1000 buckets; a second more starts the 1001st
        assertEquals(1000, UsageBucket.HOUR.count(T, T.plusSeconds(1000 * 3600L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UsageQueries()
                .series(T, T.plusSeconds(1000 * 3600L + 1), UsageBucket.HOUR, UsageGrouping.PROVIDER, null));
        assertTrue(e.getMessage().contains("1001 HOUR buckets, at most 1000"), e.getMessage());
    }

    @Test
    void bucketsCountFromTheOneHoldingFromToTheOneHoldingTheLastInstantBeforeTo() {
        Instant quarterPast = T.plusSeconds(15 * 60);
        assertEquals(1, UsageBucket.HOUR.count(quarterPast, T.plusSeconds(3600)));
        assertEquals(2, UsageBucket.HOUR.count(quarterPast, T.plusSeconds(3600).plusNanos(1)));
        assertEquals(367, UsageBucket.DAY.count(quarterPast, quarterPast.plus(java.time.Duration.ofDays(366))));
        assertEquals(T, UsageBucket.DAY.floor(T.plusSeconds(86_399)));
    }

    @Test
    void rejectsASeriesFromAfterToOrMissingArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> new UsageQueries().series(T, T, UsageBucket.HOUR, UsageGrouping.MODEL, null));
        assertThrows(IllegalArgumentException.class,
                () -> new UsageQueries().series(T, T.plusSeconds(1), null, UsageGrouping.MODEL, null));
    }
}
