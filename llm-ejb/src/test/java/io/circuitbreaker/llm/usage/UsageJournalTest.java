package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageJournalTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void whatAKilledProcessAppendedIsReplayedByTheNextOne() throws Exception {
        UsageJournal first = UsageJournal.open(dir, MIB, MIB, false);
        List<JournaledEvent> appended = first.append(events("a", "b"));
        appended.addAll(first.append(events("c")));
        // no close(): the process was killed

        UsageJournal second = UsageJournal.open(dir, MIB, MIB, false);
        List<JournaledEvent> replayed = replayAll(second);
        assertEquals(appended.stream().map(JournaledEvent::eventId).toList(),
                replayed.stream().map(JournaledEvent::eventId).toList());
        assertEquals(appended.stream().map(JournaledEvent::event).toList(),
                replayed.stream().map(JournaledEvent::event).toList());
        assertEquals(List.of(), replayAll(second), "a replayed segment is deleted");
        second.close();
        assertEquals(List.of(), files(), "a clean stop with nothing pending leaves no file");
    }

    @Test
    void eventIdsAreUniqueAcrossProcesses() throws Exception {
        String one = UsageJournal.open(dir, MIB, MIB, false).append(events("a")).get(0).eventId();
        String two = UsageJournal.open(dir, MIB, MIB, false).append(events("a")).get(0).eventId();
        assertNotEquals(one, two);
    }

    @Test
    void committedEventsAreTruncatedAway() throws Exception {
        UsageJournal journal = UsageJournal.open(dir, MIB, MIB, false);
        List<JournaledEvent> first = journal.append(events("a", "b"));
        journal.append(events("c"));
        assertTrue(journal.bytes() > 0);
        journal.committed(first.get(1).seq()); // c is not committed yet: the segment stays whole
        assertEquals(List.of("c"), requestIds(replayAll(UsageJournal.open(dir, MIB, MIB, false)).subList(2, 3)));

        journal = UsageJournal.open(dir, MIB, MIB, false);
        List<JournaledEvent> d = journal.append(events("d"));
        journal.committed(d.get(0).seq());
        assertEquals(0, journal.bytes());
        assertEquals(List.of(), replayAll(UsageJournal.open(dir, MIB, MIB, false)));
    }

    @Test
    void aBacklogRollsIntoSegmentsThatGoOnceCommitted() throws Exception {
        UsageJournal journal = UsageJournal.open(dir, MIB, 1, false); // every append starts a new segment
        List<JournaledEvent> all = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            all.addAll(journal.append(events(id)));
        }
        assertEquals(4, files().size());
        journal.committed(all.get(1).seq());
        assertEquals(2, files().size(), "the segments of a and b are deleted");
        assertEquals(List.of("c", "d"), requestIds(replayAll(UsageJournal.open(dir, MIB, MIB, false))));
    }

    @Test
    void aTornLastLineAndADamagedLineAreSkipped() throws Exception {
        UsageJournal journal = UsageJournal.open(dir, MIB, MIB, false);
        journal.append(events("a", "b", "c"));
        Path segment = files().get(0);
        List<String> lines = Files.readAllLines(segment);
        String damaged = lines.get(1).replace("key-1", "key-X");
        String torn = lines.get(2).substring(0, 40);
        Files.writeString(segment, lines.get(0) + "\n" + damaged + "\n" + lines.get(2) + "\n" + torn,
                StandardCharsets.UTF_8);

        UsageJournal next = UsageJournal.open(dir, MIB, MIB, false);
        assertEquals(List.of("a", "c"), requestIds(replayAll(next)));
        assertEquals(2, next.damagedCount());
    }

    @Test
    void pastTheCapEventsAreRefusedAndCountedButStillHandedOn() throws Exception {
        int line = JournalCodec.encode("x", UsageEvents.event("a")).length();
        UsageJournal journal = UsageJournal.open(dir, line * 5L / 2, MIB, false); // room for two lines
        List<JournaledEvent> all = new ArrayList<>(journal.append(events("a")));
        all.addAll(journal.append(events("b")));
        all.addAll(journal.append(events("c")));
        assertEquals(3, all.size(), "every event goes on to the database");
        assertEquals(1, journal.refusedCount());
        assertTrue(journal.bytes() <= line * 5L / 2);
        journal.committed(all.get(2).seq());
        assertEquals(0, journal.bytes(), "room again once committed");
        journal.append(events("d"));
        assertEquals(1, journal.refusedCount());
    }

    @Test
    void aFailedReplayKeepsTheSegmentForTheNextStart() throws Exception {
        UsageJournal.open(dir, MIB, MIB, false).append(events("a"));
        UsageJournal journal = UsageJournal.open(dir, MIB, MIB, false);
        assertThrows(IllegalStateException.class, () -> journal.replay(events -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(List.of("a"), requestIds(replayAll(UsageJournal.open(dir, MIB, MIB, false))));
    }

    @Test
    void appendsAfterARestartGoToANewSegment() throws Exception {
        UsageJournal.open(dir, MIB, MIB, false).append(events("a"));
        UsageJournal journal = UsageJournal.open(dir, MIB, MIB, true);
        journal.append(events("b"));
        assertEquals(2, files().size());
        assertEquals(List.of("a", "b"), requestIds(replayAll(UsageJournal.open(dir, MIB, MIB, false))));
    }

    @Test
    void otherFilesAreLeftAlone() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello", StandardOpenOption.CREATE);
        UsageJournal journal = UsageJournal.open(dir, MIB, MIB, false);
        assertEquals(List.of(), replayAll(journal));
        journal.close();
        assertTrue(Files.exists(dir.resolve("notes.txt")));
    }

    @Test
    void switchedOffItOnlyNumbersEvents() throws Exception {
        UsageJournal off = UsageJournal.off();
        List<JournaledEvent> numbered = off.append(events("a", "b"));
        assertEquals(List.of(1L, 2L), numbered.stream().map(JournaledEvent::seq).toList());
        off.committed(2);
        assertEquals(0, off.replay(events -> { }));
        off.close();
    }

    private static List<UsageEvent> events(String... requestIds) {
        return new ArrayList<>(Stream.of(requestIds).map(UsageEvents::event).toList());
    }

    private static List<JournaledEvent> replayAll(UsageJournal journal) throws Exception {
        List<JournaledEvent> replayed = new ArrayList<>();
        journal.replay(replayed::addAll);
        return replayed;
    }

    private static List<String> requestIds(List<JournaledEvent> events) {
        return events.stream().map(e -> e.event().requestId()).toList();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

}
