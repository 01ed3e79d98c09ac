package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The walk through the ordered candidates that complete and streamed requests share: skip deployments whose breaker
 * refuses or whose key is missing, call one, and after a failure decide (by {@link FailurePolicy}) between a retry
 * after backoff, the next candidate, or giving the error back. One try at a time; state passes between threads only
 * through future completion and the scheduler, which order it. The request itself is the subclass's: the loop serves
 * chat (complete and streamed) and embeddings alike.
 */
abstract class AttemptLoop {

    protected final RouterWiring wiring;
    protected final Resolution resolution;
    protected final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Deployment> ordered;
    private int index;
    private int tryNumber = 1;
    private LlmProviderException lastError;
    private volatile ScheduledFuture<?> pendingRetry;

    AttemptLoop(RouterWiring wiring, Resolution resolution, List<Deployment> ordered) {
        this.wiring = wiring;
        this.resolution = resolution;
        this.ordered = ordered;
    }

    /** Calls the deployment; the implementation reports back with {@link #succeeded} or {@link #failed}. */
    protected abstract void call(Deployment deployment, CircuitBreaker breaker, String apiKey);

    /** Ends the request with this failure. */
    protected abstract void giveUp(RoutingFailedException failure);

    /** Whether the caller has gone (cancelled or already answered): no further tries. */
    protected abstract boolean stopped();

    final void next() {
        while (index < ordered.size() && !stopped()) {
            Deployment deployment = ordered.get(index);
            CircuitBreaker breaker = wiring.breakers().forDeployment(deployment);
            if (!breaker.tryAcquire()) {
                skip(deployment, Attempt.Outcome.SKIPPED_BREAKER_OPEN, "circuit breaker open");
                continue;
            }
            Optional<String> key = wiring.apiKeys().apply(deployment);
            // local OpenAI-compatible servers (Ollama, vLLM) need no key: they are called without credentials
            if (key.isEmpty() && deployment.type() != ProviderType.OPENAI_COMPATIBLE) {
                breaker.onIgnored();
                skip(deployment, Attempt.Outcome.SKIPPED_NO_KEY, "API key not configured");
                continue;
            }
            call(deployment, breaker, key.orElse(null));
            return;
        }
        if (!stopped()) {
            giveUp(failure("every candidate failed"));
        }
    }

    protected final int tryNumber() {
        return tryNumber;
    }

    protected final void succeeded(Deployment deployment, CircuitBreaker breaker, long startNanos) {
        breaker.onSuccess();
        attempts.add(new Attempt(deployment.key(), tryNumber, Attempt.Outcome.SUCCEEDED, null, 0,
                millisSince(startNanos), wallClockAt(startNanos)));
        wiring.traffic().succeeded(deployment, Duration.ofMillis(millisSince(startNanos)));
    }

    /** Records a failed try (attempt list, breaker) and decides what comes next. */
    protected final void failed(Deployment deployment, CircuitBreaker breaker, LlmProviderException error,
            long startNanos) {
        recordFailure(deployment, breaker, error, startNanos);
        FailurePolicy.Next next = FailurePolicy.next(error.kind(), wiring.settings().routeAroundClientErrors());
        log(deployment, error.kind() + " (HTTP " + error.httpStatus() + "), next: " + next);
        switch (next) {
            case RETURN -> giveUp(failure("the provider rejected the request"));
            case NEXT_CANDIDATE -> {
                advance();
                next();
            }
            case RETRY -> retryOrMoveOn(error);
        }
    }

    /** Records a failed try without deciding anything: for a stream that failed after it began. */
    protected final void recordFailure(Deployment deployment, CircuitBreaker breaker, LlmProviderException error,
            long startNanos) {
        attempts.add(new Attempt(deployment.key(), tryNumber, Attempt.Outcome.FAILED, error.kind(),
                error.httpStatus(), millisSince(startNanos), wallClockAt(startNanos)));
        if (FailurePolicy.countsAgainstDeployment(error.kind())) {
            breaker.onFailure();
        } else {
            breaker.onIgnored();
        }
        lastError = error;
        wiring.traffic().failed(deployment, error);
    }

    protected final void cancelPendingRetry() {
        ScheduledFuture<?> pending = pendingRetry;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void retryOrMoveOn(LlmProviderException error) {
        Optional<Duration> delay = tryNumber < wiring.settings().retry().attemptsPerDeployment()
                ? wiring.settings().retry().delayBeforeRetry(tryNumber, error.retryAfter(), wiring.random())
                : Optional.empty();
        if (delay.isEmpty()) {
            advance();
            next();
            return;
        }
        tryNumber++;
        pendingRetry = wiring.scheduler().schedule(this::next, delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The wall-clock time of a {@link System#nanoTime()} reading, for spans that are written after the fact. */
    private static Instant wallClockAt(long nanos) {
        return Instant.now().minusNanos(System.nanoTime() - nanos);
    }

    private void skip(Deployment deployment, Attempt.Outcome outcome, String why) {
        attempts.add(new Attempt(deployment.key(), tryNumber, outcome, null, 0, 0, Instant.now()));
        log(deployment, "skipped: " + why);
        advance();
    }

    private void advance() {
        index++;
        tryNumber = 1;
    }

    private RoutingFailedException failure(String summary) {
        String cause = lastError == null ? "no deployment could be called" : lastError.getMessage();
        return new RoutingFailedException("model \"" + resolution.requested() + "\": " + summary + "; attempts "
                + attempts + "; last error: " + cause, attempts, lastError, resolution.route());
    }

    private void log(Deployment deployment, String what) {
        if (RouterEngine.LOG.isLoggable(Level.FINE)) {
            RouterEngine.LOG.fine("route \"" + resolution.requested() + "\": " + deployment.key() + " try "
                    + tryNumber + ": " + what);
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
