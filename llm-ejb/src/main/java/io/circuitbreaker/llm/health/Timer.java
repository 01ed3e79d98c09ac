package io.circuitbreaker.llm.health;

import java.time.Duration;

/**
 * Runs a task later. In the container it is the managed scheduled executor (no thread of our own); in unit tests a
 * fake driven by a fake clock, so the monitor's timing is tested without sleeping.
 */
@FunctionalInterface
public interface Timer {

    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that may be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
