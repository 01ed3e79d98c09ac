package io.circuitbreaker.llm.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A timer and clock in one: tasks run only when the test advances the time, in due order. */
final class FakeTimer implements Timer {

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private static final class Task {
        final Instant due;
        final Runnable run;
        boolean cancelled;

        Task(Instant due, Runnable run) {
            this.due = due;
            this.run = run;
        }
    }

    Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    void advance(Duration by) {
        Instant target = now.plus(by);
        while (true) {
            Optional<Task> next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(target))
                        .min(Comparator.comparing(t -> t.due));
                next.ifPresent(t -> {
                    tasks.remove(t);
                    now = t.due.isAfter(now) ? t.due : now;
                });
            }
            if (next.isEmpty()) {
                break;
            }
            next.get().run.run();
        }
        now = target;
    }
}
