package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Awaiting answers, streams and failures in the adapter tests. */
final class OpenAiTestSupport {

    static final long WAIT_SECONDS = 20;

    private OpenAiTestSupport() {
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The exception the stage itself completed with: the typed error, not a CompletionException around it. */
    static LlmProviderException failure(CompletionStage<?> stage) throws Exception {
        Throwable failure = stage.handle((value, error) -> error).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (failure == null) {
            fail("expected the stage to fail");
        }
        return assertInstanceOf(LlmProviderException.class, failure);
    }

    /** Subscribes with unbounded demand and records everything the publisher signals. */
    static final class Collector implements Flow.Subscriber<StreamChunk> {

        final List<StreamChunk> chunks = new CopyOnWriteArrayList<>();
        final CompletableFuture<List<StreamChunk>> done = new CompletableFuture<>();

        static Collector subscribe(Flow.Publisher<StreamChunk> publisher) {
            Collector collector = new Collector();
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

        List<StreamChunk> awaitCompletion() throws Exception {
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        LlmProviderException awaitError() throws Exception {
            try {
                done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return assertInstanceOf(LlmProviderException.class, e.getCause());
            }
            return fail("expected the stream to fail");
        }
    }
}
