package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * No candidate answered. Carries every attempt and the error that decided the outcome (the last upstream error, or
 * the one returned to the caller as-is, e.g. an invalid request), so the API can answer with the right status.
 */
// an application exception, so callers of the EJBs get it as thrown, not wrapped in an EJBException
@ApplicationException
public class RoutingFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Attempt> attempts;
    private final transient LlmProviderException cause;
    private final String route;

    public RoutingFailedException(String message, List<Attempt> attempts, LlmProviderException cause, String route) {
        super(message, cause, false, false);
        this.attempts = List.copyOf(attempts);
        this.cause = cause;
        this.route = route;
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /** The deciding upstream error, empty when no upstream was called (e.g. no candidate fits, no key). */
    public Optional<LlmProviderException> upstreamError() {
        return Optional.ofNullable(cause);
    }

    public Optional<ErrorKind> kind() {
        return upstreamError().map(LlmProviderException::kind);
    }

    public Optional<Duration> retryAfter() {
        return upstreamError().flatMap(LlmProviderException::retryAfter);
    }

    public String route() {
        return route;
    }
}
