package io.circuitbreaker.llm.router.routing;

/** The requested model matches no route, no catalog model, no naming rule, and no default provider is configured. */
public class UnknownModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownModelException(String message) {
        super(message, null, false, false);
    }
}
