package io.circuitbreaker.llm.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The journal thread: takes each usage event off {@link UsageQueue} the moment it arrives, appends it to the
 * {@link UsageJournal} and hands it on to the database writer. It blocks on the queue rather than polling on a
 * schedule, so the time an event spends only in memory is microseconds, not a flush interval; and it runs apart from
 * the request threads, which never wait for a file.
 *
 * <p>When the database falls behind and {@code pending} is full, this thread waits, the usage queue fills, and new
 * events are dropped and counted there: memory and journal stay bounded.
 */
final class JournalPump implements Runnable {

    private static final Logger LOG = Logger.getLogger(JournalPump.class.getName());
    /** Events written together in one write (and one fsync with {@code force}). */
    private static final int GROUP = 256;

    private final UsageQueue queue;
    private final UsageJournal journal;
    private final BlockingQueue<JournaledEvent> pending;
    private final AtomicLong handedOn = new AtomicLong();
    private volatile boolean stopping;
    private volatile Thread thread;

    JournalPump(UsageQueue queue, UsageJournal journal, BlockingQueue<JournaledEvent> pending) {
        this.queue = queue;
        this.journal = journal;
        this.pending = pending;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        List<UsageEvent> group = new ArrayList<>(GROUP);
        try {
            while (!stopping) {
                UsageEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                    queue.drainTo(group, GROUP - 1);
                    handOn(group, true);
                    group.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // whatever is queued stays there for drain() at shutdown
            LOG.log(Level.SEVERE, "the usage journal thread stopped", e);
        }
    }

    /** Stops the thread (waiting for it to finish its current group). */
    void stop() throws InterruptedException {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            running.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /**
     * Journals and hands on whatever is queued now, on the caller's thread: at shutdown, after {@link #stop}, for
     * events of requests that ended meanwhile. Never waits for room in {@code pending}: an event that does not fit
     * (the database is behind) stays in the journal and is written at the next start.
     *
     * @return the events journaled but not handed on
     */
    int drain() throws InterruptedException {
        List<UsageEvent> group = new ArrayList<>(GROUP);
        int left = 0;
        while (queue.drainTo(group, GROUP) > 0) {
            left += handOn(group, false);
            group.clear();
        }
        return left;
    }

    /** Events taken off the usage queue and handed on (or left in the journal) so far. */
    long handedOn() {
        return handedOn.get();
    }

    private int handOn(List<UsageEvent> group, boolean wait) throws InterruptedException {
        int left = 0;
        for (JournaledEvent entry : journal.append(group)) {
            if (wait) {
                pending.put(entry);
            } else if (left > 0 || !pending.offer(entry)) {
                left++; // once one is left, later ones stay too, so commits never pass it
            }
        }
        handedOn.addAndGet(group.size());
        return left;
    }
}
