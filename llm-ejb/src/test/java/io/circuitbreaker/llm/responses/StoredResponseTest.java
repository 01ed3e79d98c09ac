package io.circuitbreaker.llm.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredResponseTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final StoredResponse STORED = new StoredResponse("resp_1", "key-a", T, T.plus(Duration.ofDays(30)),
            "{}", "[]");

    @Test
    void onlyTheOwningKeySeesIt() {
        assertTrue(STORED.visibleTo("key-a", T.plusSeconds(1)));
        assertFalse(STORED.visibleTo("key-b", T.plusSeconds(1)));
    }

    @Test
    void notEvenItsOwnerSeesItOnceExpired() {
        assertTrue(STORED.visibleTo("key-a", T.plus(Duration.ofDays(30)).minusMillis(1)));
        assertFalse(STORED.visibleTo("key-a", T.plus(Duration.ofDays(30))));
        assertTrue(STORED.expiredAt(T.plus(Duration.ofDays(31))));
    }

    @Test
    void entityRoundTripKeepsEverything() {
        StoredResponse back = ResponseStore.toRecord(ResponseStore.toEntity(STORED));
        assertEquals(STORED, back);
    }

    @Test
    void retentionReadsDurationsAndDays() {
        assertEquals(Duration.ofDays(7), ResponseRetention.duration("7"));
        assertEquals(Duration.ofHours(12), ResponseRetention.duration("PT12H"));
        assertEquals(Duration.ofDays(30), ResponseRetention.duration("P30D"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ResponseRetention.duration("a month"));
        assertTrue(bad.getMessage().contains(ResponseRetention.RETENTION), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResponseRetention(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResponseRetention(Duration.ofDays(1), 0));
        assertEquals(Duration.ofDays(30), ResponseRetention.DEFAULTS.retention());
    }
}
