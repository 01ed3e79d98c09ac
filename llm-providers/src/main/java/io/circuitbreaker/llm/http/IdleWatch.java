package io.circuitbreaker.llm.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Fires once when no activity was seen for the limit. Activity only records the time: the timer is not re-armed for
 * every chunk, it wakes up at the earliest moment the limit could have passed and sleeps again for the remainder, so
 * a fast stream costs one timer task per idle period instead of one per chunk.
 *
 * <p>Time the gateway itself spends on what arrived (between {@link #busy()} and {@link #touch()}) is not silence
 * of the upstream: the HTTP client reads nothing more until the callback returns, so a callback slowed by the
 * machine (a garbage collection, a starved CPU, a first-time initialisation) must not be blamed on the provider. It
 * was, once: a busy CI machine stalled one callback past a 1 s limit, the watch fired, and the rest of a well-formed
 * stream that had already arrived was dropped behind an {@code idle_timeout}.
 */
final class IdleWatch implements Runnable {

    private final Scheduler scheduler;
    private final long limitNanos;
    private final Runnable onIdle;
    private volatile long lastActivity;
    private volatile boolean stopped;
    private volatile boolean busy;
    private volatile Scheduler.Task task;

    IdleWatch(Scheduler scheduler, Duration limit, Runnable onIdle) {
        this.scheduler = scheduler;
        this.limitNanos = limit.toNanos();
        this.onIdle = onIdle;
    }

    void start() {
        lastActivity = System.nanoTime();
        schedule(limitNanos);
    }

    /** Data arrived and is being handled: the limit does not run until {@link #touch()}. */
    void busy() {
        busy = true;
    }

    /** Activity: the limit starts again from now. */
    void touch() {
        lastActivity = System.nanoTime();
        busy = false;
    }

    void stop() {
        stopped = true;
        Scheduler.Task pending = task;
        if (pending != null) {
            pending.cancel();
        }
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        if (busy) {
            // the gateway is still handling the last data: the upstream cannot have sent more meanwhile
            schedule(limitNanos);
            return;
        }
        long quiet = System.nanoTime() - lastActivity;
        if (quiet >= limitNanos) {
            stopped = true;
            onIdle.run();
        } else {
            schedule(limitNanos - quiet);
        }
    }

    private void schedule(long delayNanos) {
        task = scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        if (stopped) {
            task.cancel();
        }
    }
}
