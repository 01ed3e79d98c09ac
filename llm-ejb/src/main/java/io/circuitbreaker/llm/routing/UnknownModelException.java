package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;

/** The requested model matches no route, no catalog model, no naming rule, and no default provider is configured. */
public class UnknownModelException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public UnknownModelException(String message) {
        super(GatewayError.UNKNOWN_MODEL, message);
    }
}
