package io.circuitbreaker.llm.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/** Runs work that might never end (a parser spinning at end of input) so that the test fails instead of hanging. */
public final class Bounded {

    private Bounded() {
    }

    /**
     * The work's result or its exception, as thrown; fails after {@code limit} with the stack of the still running
     * work. The work runs in its own daemon thread, stopped when it outlives the limit: a spinning parser ignores
     * interrupts and would burn a core for the rest of the test run.
     */
    public static <T> T call(Duration limit, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "bounded-work");
        worker.setDaemon(true);
        worker.start();
        try {
            return assertTimeoutPreemptively(limit, () -> {
                try {
                    return task.get();
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }, () -> "did not end within " + limit + "; it is at\n" + stack(worker));
        } finally {
            halt(worker);
        }
    }

    private static String stack(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).limit(25).map(e -> "    at " + e)
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void halt(Thread worker) {
        if (!worker.isAlive()) {
            return;
        }
        worker.interrupt();
        try {
            worker.join(200);
            if (worker.isAlive()) {
                worker.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Java 20+: the daemon thread spins on until the test JVM exits
        }
    }
}
