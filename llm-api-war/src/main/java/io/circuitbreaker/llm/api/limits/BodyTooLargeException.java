package io.circuitbreaker.llm.api.limits;

/**
 * A request body over its limit. Checked, and not an {@code IOException}, so that no caller can mistake it for a
 * client that went away: each API answers it with its own 413.
 */
public final class BodyTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    /** The limit in bytes that the body exceeded. */
    public long limit() {
        return limit;
    }
}
