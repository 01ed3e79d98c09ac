package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    @Test
    void anEventSurvivesItsLineFieldForField() {
        UsageEvent event = UsageEvents.event("req-1");
        String line = JournalCodec.encode("abc-1", event);
        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.chars().filter(c -> c == '\n').count(), "one line per event");
        JournaledEvent decoded = JournalCodec.decode(line.substring(0, line.length() - 1)).orElseThrow();
        assertEquals("abc-1", decoded.eventId());
        assertEquals(event, decoded.event());
    }

    @Test
    void tabsNewlinesBackslashesNullsAndUnicodeAreKept() {
        UsageEvent event = new UsageEvent("req\t2", Instant.EPOCH, null, "", "model\nwith\\N lines\r\\", null,
                null, "modèle ✓", true, 1, 0, "\\N", null, null, 5, null, null, 0, 17L,
                UsageEvent.Outcome.CANCELLED, "TIMEOUT");
        String line = JournalCodec.encode("e", event);
        assertEquals(event, JournalCodec.decode(line.strip()).orElseThrow().event());
    }

    @Test
    void aDamagedLineIsRefused() {
        String line = JournalCodec.encode("e", UsageEvents.event("req-3")).strip();
        assertTrue(JournalCodec.decode(line.replace("key-1", "key-2")).isEmpty(), "checksum mismatch");
        assertTrue(JournalCodec.decode(line.substring(0, line.length() / 2)).isEmpty(), "torn");
        assertTrue(JournalCodec.decode("").isEmpty());
        assertTrue(JournalCodec.decode("u9\tsomething\t0").isEmpty(), "unknown format");
    }

    @Test
    void costKeepsItsScale() {
        String line = JournalCodec.encode("e", UsageEvents.event("req-4")).strip();
        assertEquals(new BigDecimal("0.000020550000"), JournalCodec.decode(line).orElseThrow().event().costUsd());
    }
}
