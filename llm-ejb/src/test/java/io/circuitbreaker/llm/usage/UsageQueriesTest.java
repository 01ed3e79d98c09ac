package io.circuitbreaker.llm.usage;

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
}
