package io.circuitbreaker.llm.usage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import io.circuitbreaker.llm.observability.GatewayMetrics;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the usage events queued in {@link UsageQueue}: a background task writes batches every
 * {@value #FLUSH_INTERVAL_MS} ms, and whatever is queued is written on shutdown. The request path only ever touches
 * the queue (a CDI bean, no EJB call); this singleton owns the schedule and the transactions.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    static final int FLUSH_INTERVAL_MS = 250;
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());

    private final AtomicLong written = new AtomicLong();
    private final Object flushLock = new Object();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    UsageWriter writer;

    @Inject
    GatewayMetrics metrics;

    @Inject
    UsageQueue queue;

    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        metrics.watchUsageQueue(queue::depth, queue::droppedCount);
        flusher = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }

    /** Queues an event; never blocks (see {@link UsageQueue#record}). */
    public void record(UsageEvent event) {
        queue.record(event);
    }

    /** Writes everything queued now. Also used by tests and on shutdown. */
    public void flush() {
        synchronized (flushLock) {
            List<UsageEvent> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                try {
                    writer.write(batch);
                    written.addAndGet(batch.size());
                } catch (RuntimeException e) {
                    // a failed batch is counted as dropped: retrying a poison record forever would block the rest
                    queue.countDropped(batch.size());
                    LOG.log(Level.WARNING, "could not write " + batch.size() + " usage record(s)", e);
                }
                batch.clear();
            }
        }
    }

    public long droppedCount() {
        return queue.droppedCount();
    }

    public long writtenCount() {
        return written.get();
    }

    public int queueDepth() {
        return (int) queue.depth();
    }
}
