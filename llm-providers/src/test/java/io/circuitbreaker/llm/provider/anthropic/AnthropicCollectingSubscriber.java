package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Subscribes with unbounded demand, as the gateway does, and records everything the stream signals. */
final class AnthropicCollectingSubscriber implements Flow.Subscriber<StreamChunk> {

    final List<StreamChunk> chunks = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<StreamChunk>> done = new CompletableFuture<>();

    static AnthropicCollectingSubscriber subscribe(Flow.Publisher<StreamChunk> publisher) {
        AnthropicCollectingSubscriber subscriber = new AnthropicCollectingSubscriber();
        publisher.subscribe(subscriber);
        return subscriber;
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

    /** Waits for onComplete; rethrows what onError signalled. */
    List<StreamChunk> awaitCompletion() throws InterruptedException, TimeoutException, ExecutionException {
        return done.get(20, TimeUnit.SECONDS);
    }

    /** Waits for onError and returns its throwable; fails if the stream completed normally. */
    Throwable awaitError() throws InterruptedException, TimeoutException {
        try {
            List<StreamChunk> completed = done.get(20, TimeUnit.SECONDS);
            throw new AssertionError("stream completed normally with " + completed.size() + " chunks");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
