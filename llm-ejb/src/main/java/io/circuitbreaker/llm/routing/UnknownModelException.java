package io.circuitbreaker.llm.routing;

import jakarta.ejb.ApplicationException;

/** The requested model matches no route, no catalog model, no naming rule, and no default provider is configured. */
// an application exception, so callers of the EJBs get it as thrown, not wrapped in an EJBException
@ApplicationException
public class UnknownModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownModelException(String message) {
        super(message, null, false, false);
    }
}
