package io.circuitbreaker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalPumpTest {

    @TempDir
    Path dir;

    @Test
    void eachEventIsJournaledAsItArrivesAndHandedOnInOrder() throws Exception {
        UsageQueue queue = new UsageQueue(); // no metrics: the queue logs that and carries on
        UsageJournal journal = UsageJournal.open(dir, 1 << 20, 1 << 20, false);
        BlockingQueue<JournaledEvent> pending = new ArrayBlockingQueue<>(100);
        JournalPump pump = new JournalPump(queue, journal, pending);
        Thread thread = new Thread(pump);
        thread.start();
        try {
            queue.record(UsageEvents.event("a"));
            JournaledEvent first = pending.poll(5, TimeUnit.SECONDS);
            assertEquals("a", first.event().requestId());
            assertTrue(journal.bytes() > 0, "journaled before it is handed on");
            for (String id : List.of("b", "c", "d")) {
                queue.record(UsageEvents.event(id));
            }
            List<String> next = new ArrayList<>();
            while (next.size() < 3) {
                next.add(pending.poll(5, TimeUnit.SECONDS).event().requestId());
            }
            assertEquals(List.of("b", "c", "d"), next);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pump.handedOn() < 4 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // counted just after the hand-on, which flush() relies on
            }
            assertEquals(4, pump.handedOn());
        } finally {
            pump.stop();
        }
        assertTrue(!thread.isAlive());
    }

    @Test
    void atShutdownWhatDoesNotFitStaysInTheJournal() throws Exception {
        UsageQueue queue = new UsageQueue();
        UsageJournal journal = UsageJournal.open(dir, 1 << 20, 1 << 20, false);
        BlockingQueue<JournaledEvent> pending = new ArrayBlockingQueue<>(2);
        for (String id : List.of("a", "b", "c", "d")) {
            queue.record(UsageEvents.event(id));
        }
        assertEquals(2, new JournalPump(queue, journal, pending).drain());
        assertEquals(2, pending.size());
        journal.committed(pending.stream().mapToLong(JournaledEvent::seq).max().orElseThrow());

        List<String> replayed = new ArrayList<>();
        UsageJournal.open(dir, 1 << 20, 1 << 20, false).replay(events -> events.forEach(
                e -> replayed.add(e.event().requestId())));
        assertEquals(List.of("a", "b", "c", "d"), replayed, "one segment: kept whole while c and d are not written");
    }
}
