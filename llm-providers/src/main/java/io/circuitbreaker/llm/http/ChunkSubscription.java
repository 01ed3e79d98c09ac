package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.model.StreamChunk;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers chunks to one subscriber honouring its demand, from whatever thread produces them. Chunks are handed
 * over the moment they are offered when the subscriber has demand (the gateway's subscribers request unbounded),
 * and queued otherwise. Serialised with the usual work-in-progress counter, so onNext is never called concurrently.
 * Shared by the adapters' streams and the router's fallback stream.
 */
public abstract class ChunkSubscription implements Flow.Subscription {

    private static final Object COMPLETE = new Object();

    private final Flow.Subscriber<? super StreamChunk> subscriber;
    private final Queue<StreamChunk> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicReference<Object> terminal = new AtomicReference<>();
    private volatile boolean cancelled;
    private boolean done;

    protected ChunkSubscription(Flow.Subscriber<? super StreamChunk> subscriber) {
        this.subscriber = subscriber;
    }

    /** Stops the producer: called once on cancel, error or completion. */
    protected abstract void stopUpstream();

    @Override
    public final void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("request must be positive (Reactive Streams rule 3.9)"));
            return;
        }
        demand.getAndAccumulate(n, (current, add) -> current + add < 0 ? Long.MAX_VALUE : current + add);
        drain();
    }

    @Override
    public final void cancel() {
        if (!cancelled) {
            cancelled = true;
            stopUpstream();
            queue.clear();
        }
    }

    protected final boolean isCancelled() {
        return cancelled;
    }

    protected final void offer(StreamChunk chunk) {
        if (!cancelled && terminal.get() == null) {
            queue.offer(chunk);
            drain();
        }
    }

    protected final void complete() {
        if (terminal.compareAndSet(null, COMPLETE)) {
            drain();
        }
    }

    protected final void fail(Throwable error) {
        if (terminal.compareAndSet(null, error)) {
            stopUpstream();
            drain();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            long requested = demand.get();
            long emitted = 0;
            while (emitted != requested && !cancelled) {
                StreamChunk chunk = queue.poll();
                if (chunk == null) {
                    break;
                }
                subscriber.onNext(chunk);
                emitted++;
            }
            if (cancelled || done) {
                return;
            }
            Object end = terminal.get();
            if (end != null && queue.isEmpty()) {
                done = true;
                if (end == COMPLETE) {
                    subscriber.onComplete();
                } else {
                    subscriber.onError((Throwable) end);
                }
                return;
            }
            if (emitted != 0 && requested != Long.MAX_VALUE) {
                demand.addAndGet(-emitted);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }
}
