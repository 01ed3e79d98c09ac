package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import java.util.List;
import java.util.Optional;

/**
 * No candidate answered. Carries every attempt and the error that decided the outcome (the last upstream error, or
 * the one returned to the caller as-is, e.g. an invalid request), so the API can answer with the right status.
 */
public class RoutingFailedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String route;

    public RoutingFailedException(String message, List<Attempt> attempts, LlmProviderException cause, String route) {
        this(cause == null ? GatewayError.NO_UPSTREAM : GatewayError.UPSTREAM, message, attempts, cause, route);
    }

    protected RoutingFailedException(GatewayError error, String message, List<Attempt> attempts,
            LlmProviderException cause, String route) {
        super(error, message, cause, null, attempts);
        this.route = route;
    }

    /** How the deciding upstream call failed; empty when no upstream was called. */
    public Optional<ErrorKind> kind() {
        return upstreamKind();
    }

    public String route() {
        return route;
    }
}
