package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a cached answer's chunks to one subscriber, as fast as it asks for them and no faster (the front door's
 * relay asks for the next chunk when the previous one went out, so a slow client is written to at its own pace).
 * A subscriber that asks for more from inside {@code onNext} is served by the loop already running, never by a
 * nested call, so the stack stays flat however long the answer.
 */
public final class ReplayPublisher implements Flow.Publisher<StreamChunk> {

    private final List<StreamChunk> chunks;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    public ReplayPublisher(List<StreamChunk> chunks) {
        this.chunks = List.copyOf(chunks);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super StreamChunk> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a replayed answer has one subscriber"));
            return;
        }
        subscriber.onSubscribe(new Replay(subscriber));
    }

    private final class Replay implements Flow.Subscription {
        private final Flow.Subscriber<? super StreamChunk> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private int next;

        Replay(Flow.Subscriber<? super StreamChunk> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return; // the running loop sees the new demand
            }
            int missed = 1;
            do {
                while (!cancelled && demand.get() > 0 && next < chunks.size()) {
                    demand.decrementAndGet();
                    subscriber.onNext(chunks.get(next++));
                }
                if (!cancelled && next == chunks.size()) {
                    cancelled = true;
                    subscriber.onComplete();
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}
