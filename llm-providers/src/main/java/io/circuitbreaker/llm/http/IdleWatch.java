package io.circuitbreaker.llm.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Fires once when no activity was seen for the limit. Activity only records the time: the timer is not re-armed for
 * every chunk, it wakes up at the earliest moment the limit could have passed and sleeps again for the remainder, so
 * a fast stream costs one timer task per idle period instead of one per chunk.
 */
final class IdleWatch implements Runnable {

    private final Scheduler scheduler;
    private final long limitNanos;
    private final Runnable onIdle;
    private volatile long lastActivity;
    private volatile boolean stopped;
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

    void touch() {
        lastActivity = System.nanoTime();
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
