package io.circuitbreaker.llm.usage;

import io.circuitbreaker.llm.observability.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a finished request leaves its usage record: a bounded queue, taken at once by the journal thread
 * ({@link JournalPump}) and from there written to the database in batches by {@link UsageRecorder}. A plain CDI bean
 * so the request path makes no EJB call and no file write for it. If the database falls behind and the queue fills,
 * new events are dropped and counted rather than slowing requests down.
 */
@ApplicationScoped
public class UsageQueue {

    private static final int CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(UsageQueue.class.getName());

    private final BlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    @Inject
    GatewayMetrics metrics;

    /** Counts the request in the metrics and queues its record; never blocks. */
    public void record(UsageEvent event) {
        try {
            metrics.requestFinished(event);
        } catch (RuntimeException e) {
            // metrics must never cost a request its usage record
            LOG.log(Level.FINE, "could not update metrics", e);
        }
        if (queue.offer(event)) {
            accepted.incrementAndGet();
        } else {
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1000 == 0) {
                LOG.warning("usage queue full: " + total + " usage record(s) dropped so far");
            }
        }
    }

    /** The next event, waiting up to the timeout; {@code null} when none came. */
    UsageEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    int drainTo(Collection<UsageEvent> batch, int max) {
        return queue.drainTo(batch, max);
    }

    void countDropped(int events) {
        dropped.addAndGet(events);
    }

    /** Events queued since start: {@link UsageRecorder#flush} waits until the journal thread has taken as many. */
    long acceptedCount() {
        return accepted.get();
    }

    public long depth() {
        return queue.size();
    }

    public long droppedCount() {
        return dropped.get();
    }
}
