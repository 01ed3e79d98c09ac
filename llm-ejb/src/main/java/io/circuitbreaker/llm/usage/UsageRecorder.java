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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes usage events off the request path: {@link #record} only offers to a bounded queue; a background task writes
 * batches every {@value #FLUSH_INTERVAL_MS} ms, and whatever is queued is written on shutdown. If the database falls
 * behind and the queue fills, new events are dropped and counted rather than slowing requests down.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    static final int FLUSH_INTERVAL_MS = 250;
    private static final int CAPACITY = 10_000;
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());

    private final BlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Object flushLock = new Object();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    UsageWriter writer;

    @Inject
    GatewayMetrics metrics;

    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        metrics.watchUsageQueue(this::queueDepth, this::droppedCount);
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

    /** Queues an event; never blocks. */
    public void record(UsageEvent event) {
        try {
            metrics.requestFinished(event);
        } catch (RuntimeException e) {
            // metrics must never cost a request its usage record
            LOG.log(Level.FINE, "could not update metrics", e);
        }
        if (!queue.offer(event)) {
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1000 == 0) {
                LOG.warning("usage queue full: " + total + " usage record(s) dropped so far");
            }
        }
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
                    dropped.addAndGet(batch.size());
                    LOG.log(Level.WARNING, "could not write " + batch.size() + " usage record(s)", e);
                }
                batch.clear();
            }
        }
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long writtenCount() {
        return written.get();
    }

    public int queueDepth() {
        return queue.size();
    }
}
