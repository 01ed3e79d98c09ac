package io.circuitbreaker.llm.shared;

/** Redis could not be asked (not connected, timed out, refused). Never carries the URL: it may hold a password. */
public class SharedStateUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SharedStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
