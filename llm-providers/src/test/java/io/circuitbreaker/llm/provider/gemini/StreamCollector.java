package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Subscribes with unbounded demand and collects what a stream publishes, for tests. */
final class StreamCollector implements Flow.Subscriber<StreamChunk> {

    final List<StreamChunk> chunks = new CopyOnWriteArrayList<>();
    final CompletableFuture<List<StreamChunk>> done = new CompletableFuture<>();

    static StreamCollector subscribe(Flow.Publisher<StreamChunk> publisher) {
        StreamCollector collector = new StreamCollector();
        publisher.subscribe(collector);
        return collector;
    }

    /** All chunks once the stream completed normally. */
    List<StreamChunk> await() throws InterruptedException, ExecutionException, TimeoutException {
        return done.get(20, TimeUnit.SECONDS);
    }

    /** The error the stream ended with. */
    Throwable awaitError() throws InterruptedException, TimeoutException {
        try {
            List<StreamChunk> unexpected = done.get(20, TimeUnit.SECONDS);
            throw new AssertionError("stream completed normally with " + unexpected.size() + " chunks");
        } catch (ExecutionException e) {
            return e.getCause();
        }
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
}
