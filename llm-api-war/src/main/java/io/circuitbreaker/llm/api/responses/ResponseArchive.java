package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.responses.ResponseRetention;
import io.circuitbreaker.llm.responses.ResponseStore;
import io.circuitbreaker.llm.responses.StoredResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Between the door and the response store: loads a previous response's conversation and stores finished responses,
 * off the thread that answered (a database write must not hold an upstream client thread), never failing the
 * answer (a failure is logged). A response still being stored is waited for by whoever asks for it on this instance
 * ({@link #awaitStored}): an agent sends {@code previous_response_id} the moment it has the answer, before the
 * background write may have landed.
 *
 * <p>Bounds: each request is bounded by the body limit; a chain of responses, each storing the whole conversation,
 * is bounded by refusing a continuation whose conversation would exceed the item limit (the request limits' message
 * count) or {@link #maxStoredChars} characters (four request bodies), and a key keeps at most
 * {@code llm.responses.max-per-key} responses.
 */
final class ResponseArchive {

    private static final Logger LOG = Logger.getLogger(ResponseArchive.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int STORE_WAIT_SECONDS = 10;

    private final ResponseStore store;
    private final Executor executor;
    private final ResponseRetention retention;
    private final long maxStoredChars;
    /** Responses handed to the executor and not yet in the database; as many as answers being stored. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> storing = new ConcurrentHashMap<>();

    ResponseArchive(ResponseStore store, Executor executor, ResponseRetention retention, long maxStoredChars) {
        this.store = store;
        this.executor = executor;
        this.retention = retention;
        this.maxStoredChars = maxStoredChars;
    }

    /** The previous response's input and output items, or a 404 in OpenAI's shape when the key cannot see it. */
    List<JsonObject> history(String previousId, String keyId, int maxItems) {
        awaitStored(previousId);
        Optional<StoredResponse> previous = store.find(previousId, keyId, Instant.now());
        if (previous.isEmpty()) {
            throw new InvalidOpenAiRequest(404, "previous_response_not_found", "previous_response_id",
                    "Previous response with id '" + InvalidOpenAiRequest.excerpt(previousId) + "' not found.");
        }
        StoredResponse stored = previous.get();
        if (stored.inputJson().length() + stored.responseJson().length() > maxStoredChars) {
            throw tooLong();
        }
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue item : parse(stored.inputJson()).asJsonArray()) {
            items.add(item.asJsonObject());
        }
        for (JsonValue item : parse(stored.responseJson()).asJsonObject().getJsonArray("output")) {
            items.add(item.asJsonObject());
        }
        if (items.size() > maxItems) {
            throw tooLong();
        }
        return items;
    }

    /** Stores the finished response with its input items, in the background. */
    void store(String keyId, JsonObject response, List<JsonObject> input) {
        String id = response.getString("id");
        CompletableFuture<Void> stored = new CompletableFuture<>();
        storing.put(id, stored);
        try {
            executor.execute(() -> {
                try {
                    save(keyId, response, input);
                } finally {
                    storing.remove(id, stored);
                    stored.complete(null);
                }
            });
        } catch (RuntimeException e) {
            storing.remove(id, stored);
            stored.complete(null);
            LOG.log(Level.WARNING, "could not store response " + id, e);
        }
    }

    /**
     * Returns once the response {@code id} is in the database, when this instance is still storing it (at most
     * {@link #STORE_WAIT_SECONDS}; a database that slow answers the look-up with its 404 as before).
     */
    void awaitStored(String id) {
        CompletableFuture<Void> pending = storing.get(id);
        if (pending == null) {
            return;
        }
        try {
            pending.get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning(() -> "response " + id + " still not stored after " + STORE_WAIT_SECONDS + " s");
        }
    }

    private void save(String keyId, JsonObject response, List<JsonObject> input) {
        String id = response.getString("id");
        try {
            JsonArrayBuilder items = JSON.createArrayBuilder();
            input.forEach(items::add);
            String inputJson = items.build().toString();
            String responseJson = response.toString();
            if (inputJson.length() + responseJson.length() > maxStoredChars) {
                LOG.warning(() -> "response " + id + " not stored: larger than " + maxStoredChars + " characters");
                return;
            }
            Instant now = Instant.now();
            store.save(new StoredResponse(id, keyId, now, now.plus(retention.retention()), responseJson, inputJson),
                    retention.maxPerKey());
        } catch (RuntimeException e) {
            // the caller has its answer; only a later GET or previous_response_id will miss it
            LOG.log(Level.WARNING, "could not store response " + id, e);
        }
    }

    private static JsonValue parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** The stored input items as an array. */
    static JsonArray inputItems(StoredResponse stored) {
        return parse(stored.inputJson()).asJsonArray();
    }

    private InvalidOpenAiRequest tooLong() {
        return new InvalidOpenAiRequest(400, "conversation_too_long", "previous_response_id", "the conversation of "
                + "previous_response_id is longer than the gateway continues; start a new one");
    }


}
