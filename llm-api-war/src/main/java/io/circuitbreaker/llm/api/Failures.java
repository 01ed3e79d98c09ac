package io.circuitbreaker.llm.api;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What both APIs (GraphQL and OpenAI-compatible) need to report a routed request's failure the same way. */
public final class Failures {

    private Failures() {
    }

    /** The failure itself, without the wrappers an asynchronous stage puts around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A provider's wait as whole seconds for {@code retry-after}, rounded up and at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
