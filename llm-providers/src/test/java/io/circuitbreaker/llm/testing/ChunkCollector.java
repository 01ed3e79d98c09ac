package io.circuitbreaker.llm.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Subscribes with unbounded demand, as the gateway does, and records everything a stream signals. */
public final class ChunkCollector implements Flow.Subscriber<StreamChunk> {

    private static final int WAIT_SECONDS = 20;

    public final List<StreamChunk> chunks = new CopyOnWriteArrayList<>();
    public final CompletableFuture<List<StreamChunk>> done = new CompletableFuture<>();

    public static ChunkCollector subscribe(Flow.Publisher<StreamChunk> publisher) {
        ChunkCollector collector = new ChunkCollector();
        publisher.subscribe(collector);
        return collector;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(StreamChunk item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done.complete(List.copyOf(chunks));
    }

    /** Every chunk, once the stream completed normally; rethrows what onError signalled. */
    public List<StreamChunk> awaitCompletion() throws InterruptedException, TimeoutException, ExecutionException {
        return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The error the stream ended with; fails if it completed normally. */
    public Throwable awaitError() throws InterruptedException, TimeoutException {
        try {
            List<StreamChunk> completed = done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("stream completed normally with " + completed.size() + " chunks");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** As {@link #awaitError()}, for streams that must end with a typed provider error. */
    public LlmProviderException awaitProviderError() throws InterruptedException, TimeoutException {
        return assertInstanceOf(LlmProviderException.class, awaitError());
    }
}
