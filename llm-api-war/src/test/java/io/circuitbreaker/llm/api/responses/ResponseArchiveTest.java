package io.circuitbreaker.llm.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.responses.ResponseRetention;
import io.circuitbreaker.llm.responses.ResponseStore;
import io.circuitbreaker.llm.responses.StoredResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseArchiveTest {

    /** The database side, in memory: what {@link ResponseStore} would hold after each save. */
    static final class MemoryStore extends ResponseStore {
        final Map<String, StoredResponse> saved = new ConcurrentHashMap<>();

        @Override
        public void save(StoredResponse response, int maxPerKey) {
            saved.put(response.id(), response);
        }

        @Override
        public Optional<StoredResponse> find(String id, String keyId, Instant now) {
            return Optional.ofNullable(saved.get(id)).filter(r -> r.visibleTo(keyId, now));
        }
    }

    private static final JsonObject RESPONSE = Json.createObjectBuilder().add("id", "resp_1")
            .add("output", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "message")))
            .build();
    private static final List<JsonObject> INPUT = List.of(Json.createObjectBuilder().add("type", "message")
            .add("role", "user").add("content", "Hi").build());

    /** Regression: previous_response_id sent the moment the answer arrived was a 404 (OpenAiResponsesIT, CI). */
    @Test
    void aResponseStillBeingStoredIsWaitedForByItsNextRequest() throws Exception {
        MemoryStore store = new MemoryStore();
        CountDownLatch release = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            ResponseArchive archive = new ResponseArchive(store, task -> executor.execute(() -> {
                await(release);
                task.run();
            }), ResponseRetention.DEFAULTS, 1_000_000);
            archive.store("key-1", RESPONSE, INPUT);

            CompletableFuture<List<JsonObject>> history = CompletableFuture.supplyAsync(
                    () -> archive.history("resp_1", "key-1", 100));
            Thread.sleep(100);
            assertTrue(store.saved.isEmpty(), "the write has not happened yet");
            release.countDown();

            List<JsonObject> items = history.get(5, TimeUnit.SECONDS);
            assertEquals(2, items.size(), items::toString);
            assertEquals("user", items.get(0).getString("role"));
            assertEquals("message", items.get(1).getString("type"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRefusesLeavesNothingToWaitFor() {
        MemoryStore store = new MemoryStore();
        ResponseArchive archive = new ResponseArchive(store, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, ResponseRetention.DEFAULTS, 1_000_000);
        archive.store("key-1", RESPONSE, INPUT);

        long start = System.nanoTime();
        archive.awaitStored("resp_1");
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < ResponseArchive.STORE_WAIT_SECONDS);
        assertTrue(store.saved.isEmpty());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
