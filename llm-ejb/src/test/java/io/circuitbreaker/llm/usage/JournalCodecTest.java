package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
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
                UsageEvent.Outcome.CANCELLED, "TIMEOUT", "input:5:0.000003");
        String line = JournalCodec.encode("e", event);
        assertEquals(event, JournalCodec.decode(line.strip()).orElseThrow().event());
    }

    /** A journal written by the release before the cost breakdown is still replayed after an upgrade. */
    @Test
    void linesOfThePreviousFormatAreStillRead() {
        String body = "u1\te1\treq-1\t1970-01-01T00:00:00Z\t\\N\t\\N\tgpt-4o\topenai\topenai\tgpt-4o\t0\t1\t0"
                + "\topenai/gpt-4o#1:SUCCEEDED\t13\t31\t\\N\t\\N\t0.00002055\t412\t\\N\tSUCCESS\t\\N";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        UsageEvent event = JournalCodec.decode(body + "\t" + Long.toHexString(crc.getValue())).orElseThrow().event();
        assertEquals("req-1", event.requestId());
        assertEquals(new BigDecimal("0.00002055"), event.costUsd());
        assertNull(event.costDetail());
    }

    /** A journal written by the release before the response cache is still replayed after an upgrade. */
    @Test
    void linesOfTheFormatBeforeTheCacheAreStillRead() {
        String body = "u2\te1\treq-2\t1970-01-01T00:00:00Z\t\\N\t\\N\tgpt-4o\topenai\topenai\tgpt-4o\t0\t1\t0"
                + "\topenai/gpt-4o#1:SUCCEEDED\t13\t31\t\\N\t\\N\t0.00002055\t412\t\\N\tSUCCESS\t\\N"
                + "\tinput:13:0.0000025";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        UsageEvent event = JournalCodec.decode(body + "\t" + Long.toHexString(crc.getValue())).orElseThrow().event();
        assertEquals("input:13:0.0000025", event.costDetail());
        assertNull(event.cacheStatus());
        assertNull(event.costSaved());
    }

    @Test
    void aCacheHitKeepsItsStatusAndExactSaving() {
        UsageEvent hit = UsageEvents.event("req-5").withCache(UsageEvent.CACHE_HIT, new BigDecimal("0.000020550"));
        UsageEvent back = JournalCodec.decode(JournalCodec.encode("e", hit).strip()).orElseThrow().event();
        assertEquals(hit, back);
        assertEquals("0.000020550", back.costSaved().toPlainString());
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
