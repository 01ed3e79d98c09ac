package io.circuitbreaker.llm.usage;

import io.circuitbreaker.llm.observability.GatewayMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Makes the usage events queued in {@link UsageQueue} durable: the journal thread ({@link JournalPump}) appends each
 * to the {@link UsageJournal} as it arrives, and a scheduled task writes them to the database in batches every
 * {@code llm.usage.flush-interval-ms} ({@value #FLUSH_INTERVAL_MS} ms), after which the journal forgets them. At start, before any request (a startup
 * singleton, so before the first budget reads the spend back), events an earlier process journaled but never wrote
 * are replayed. The request path only ever touches the queue (a CDI bean: no EJB call, no file write).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    static final long FLUSH_INTERVAL_MS = 250;
    private static final int BATCH = 500;
    private static final int FLUSH_WAIT_MS = 1000;
    /** Consecutive failures of one batch before it is written record by record, to single out a poison record. */
    private static final int ISOLATE_AFTER = 4;
    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());

    private final AtomicLong written = new AtomicLong();
    private final Object flushLock = new Object();
    private final BlockingQueue<JournaledEvent> pending = new ArrayBlockingQueue<>(10_000);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    UsageWriter writer;

    @Inject
    GatewayMetrics metrics;

    @Inject
    MetricRegistry registry;

    @Inject
    UsageQueue queue;

    @Inject
    Config config;

    private UsageJournal journal;
    private JournalPump pump;
    private ScheduledFuture<?> flusher;
    /** The batch that failed last time, retried first (guarded by flushLock). */
    private List<JournaledEvent> retry = List.of();
    private int failures;

    @PostConstruct
    void start() {
        metrics.watchUsageQueue(() -> queue.depth() + pending.size(), queue::droppedCount);
        journal = openJournal(UsageJournalConfig.from(config));
        replay();
        registry.gauge(meta("llm.usage.journal.bytes", "Size of the usage journal (events not yet in the database)"),
                journal, UsageJournal::bytes);
        registry.gauge(meta("llm.usage.journal.refused", "Usage events not journaled (journal at its cap, or a "
                + "write failed)"), journal, UsageJournal::refusedCount);
        pump = new JournalPump(queue, journal, pending);
        Thread thread = threads.newThread(pump);
        thread.setName("llm-usage-journal");
        thread.start();
        long interval = config.getOptionalValue("llm.usage.flush-interval-ms", Long.class).orElse(FLUSH_INTERVAL_MS);
        flusher = scheduler.scheduleWithFixedDelay(this::scheduledWrite, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        try {
            pump.stop();
            writePending();
            int left = pump.drain();
            writePending();
            if (left > 0) {
                LOG.warning(left + " usage record(s) stay in the journal, to be written at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.close();
        }
    }

    /** Queues an event; never blocks (see {@link UsageQueue#record}). */
    public void record(UsageEvent event) {
        queue.record(event);
    }

    /**
     * Writes every event queued before this call ("read your own writes" for usage queries): waits, up to
     * {@value #FLUSH_WAIT_MS} ms, until the journal thread has handed them on (it takes microseconds per event).
     */
    public void flush() {
        long target = queue.acceptedCount();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MS);
        while (writePending() && pump.handedOn() < target && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000);
        }
        writePending();
    }

    private void scheduledWrite() {
        try {
            writePending();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule, and with it every later write
            LOG.log(Level.WARNING, "writing usage records failed", e);
        }
    }

    /** Writes what the journal thread has handed on so far; false when a batch failed (it is kept for a retry). */
    private boolean writePending() {
        synchronized (flushLock) {
            if (!retry.isEmpty() && !commit(retry)) {
                return false;
            }
            retry = List.of();
            List<JournaledEvent> batch = new ArrayList<>(BATCH);
            while (pending.drainTo(batch, BATCH) > 0) {
                if (!commit(batch)) {
                    retry = List.copyOf(batch);
                    return false;
                }
                batch.clear();
            }
            return true;
        }
    }

    /** Writes the batch and lets the journal forget it; false when it is to be tried again. */
    private boolean commit(List<JournaledEvent> batch) {
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            failures++;
            if (failures == 1 || failures % 100 == 0) {
                LOG.log(Level.WARNING, "could not write " + batch.size() + " usage record(s) (failure " + failures
                        + "); they stay in the journal and are tried again", e);
            }
            if (failures % ISOLATE_AFTER != 0 || !writeOneByOne(batch)) {
                return false;
            }
        }
        failures = 0;
        written.addAndGet(batch.size());
        journal.committed(batch.get(batch.size() - 1).seq());
        return true;
    }

    /**
     * Writes each record in a transaction of its own. If some succeed, the others are poison (a value the database
     * refuses): they are dropped and counted so they cannot block the records behind them forever. If none succeed
     * the database is down: all are kept for the next try.
     */
    private boolean writeOneByOne(List<JournaledEvent> batch) {
        List<JournaledEvent> refused = new ArrayList<>();
        int ok = 0;
        for (JournaledEvent entry : batch) {
            try {
                writer.write(List.of(entry));
                ok++;
            } catch (RuntimeException e) {
                refused.add(entry);
                if (ok == 0 && refused.size() >= 5) {
                    return false; // five in a row from the start: an outage, not poison
                }
            }
        }
        if (ok == 0) {
            return false;
        }
        queue.countDropped(refused.size());
        written.addAndGet(-refused.size()); // commit() counts the whole batch
        refused.forEach(r -> LOG.warning("usage record of request " + r.event().requestId() + " dropped: the "
                + "database refuses it"));
        return true;
    }

    /** Writes the events an earlier process journaled but did not write, skipping those the database holds. */
    private void replay() {
        try {
            int replayed = journal.replay(events -> {
                for (int from = 0; from < events.size(); from += BATCH) {
                    List<JournaledEvent> chunk = events.subList(from, Math.min(events.size(), from + BATCH));
                    var known = writer.recordedEventIds(chunk.stream().map(e -> e.event().requestId()).toList());
                    List<JournaledEvent> missing = chunk.stream().filter(e -> !known.contains(e.eventId())).toList();
                    writer.write(missing);
                    written.addAndGet(missing.size());
                }
            });
            if (replayed > 0 || journal.damagedCount() > 0) {
                LOG.info("usage journal replayed: " + replayed + " event(s) found, " + written.get()
                        + " written to the database that were missing, " + journal.damagedCount()
                        + " damaged line(s) skipped");
            }
        } catch (Exception e) {
            // the gateway still starts; the journal keeps the events for the next start
            LOG.log(Level.SEVERE, "could not replay the usage journal: budgets may undercount until it is", e);
        }
    }

    private static UsageJournal openJournal(UsageJournalConfig settings) {
        if (!settings.enabled()) {
            LOG.warning("the usage journal is off (llm.usage.journal.enabled=false): a crash loses usage records");
            return UsageJournal.off();
        }
        try {
            return UsageJournal.open(settings.dir(), settings.maxBytes(), settings.segmentBytes(), settings.force());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the usage journal in " + settings.dir().toAbsolutePath()
                    + " (llm.usage.journal.dir)", e);
        }
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    public long droppedCount() {
        return queue.droppedCount();
    }

    public long writtenCount() {
        return written.get();
    }

    public int queueDepth() {
        return (int) queue.depth() + pending.size();
    }
}
