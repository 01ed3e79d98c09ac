package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A key made on another instance a moment ago: found by re-reading the key table, which a flood cannot multiply. */
class KeyCacheMissTest {

    private final KeyCache cache = new KeyCache();
    private final AtomicInteger reads = new AtomicInteger();
    /** What the database holds: the cache sees it only by re-reading. */
    private volatile Map<String, GatewayKey> table = Map.of();

    KeyCacheMissTest() {
        cache.reloadOnMissWith(() -> {
            reads.incrementAndGet();
            cache.replace(table, Map.of());
        });
    }

    @Test
    void aKeyMadeElsewhereIsFoundAtOnceEvenRightAfterAnotherMiss() throws Exception {
        assertTrue(cache.authenticate("cbk-unknown-0000").isEmpty());
        // created on another instance just now, within the 100 ms after that re-read: the request waits for the next
        table = Map.of(KeySecrets.hash("cbk-new-1111"), key("new"));
        assertEquals("new", cache.authenticate("cbk-new-1111").orElseThrow().id());
        assertEquals(2, reads.get());
        assertEquals("new", cache.authenticate("cbk-new-1111").orElseThrow().id()); // known now: no read
        assertEquals(2, reads.get());
    }

    @Test
    void aFloodOfWrongKeysCostsAtMostTenReadsASecond() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long begin = System.nanoTime();
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                String wrong = "cbk-wrong-" + i;
                answers.add(pool.submit(() -> cache.authenticate(wrong).isEmpty()));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(reads.get() <= millis / 100 + 2, reads.get() + " reads in " + millis + " ms");
    }

    private static GatewayKey key(String id) {
        return new GatewayKey(id, "test", Role.CLIENT, "cbk-new", Instant.EPOCH, null, KeyLimits.NONE);
    }
}
