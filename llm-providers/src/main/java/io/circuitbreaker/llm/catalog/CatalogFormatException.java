package io.circuitbreaker.llm.catalog;

/** A catalog document that cannot be read: bad JSON, a missing field or a value out of range. */
public class CatalogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogFormatException(String message) {
        super(message);
    }

    public CatalogFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
