package io.circuitbreaker.llm.error;

/** What went wrong with an upstream call, normalised across providers. Switch on it exhaustively. */
public enum ErrorKind {
    /** 401/403: the key is missing, wrong, revoked or lacks permission. */
    AUTHENTICATION(false),
    /** 404: the model (or endpoint) does not exist for this key. */
    MODEL_NOT_FOUND(false),
    /** 429: too many requests or tokens for now; waiting (its {@code retry-after}) helps. */
    RATE_LIMITED(true),
    /**
     * 429 {@code insufficient_quota}: the provider account behind this key has no quota or credit left. Waiting does
     * not refill it, so it is not retried; another deployment (another key or provider) may still have quota.
     */
    QUOTA_EXHAUSTED(false),
    /** The prompt plus requested output does not fit the model's context window. */
    CONTEXT_LENGTH_EXCEEDED(false),
    /** 400/413/422: the request itself is wrong. */
    INVALID_REQUEST(false),
    /** The prompt or answer was blocked by the provider's safety filters. */
    CONTENT_FILTERED(false),
    /** 529 or an overloaded error: the provider sheds load. */
    OVERLOADED(true),
    /** 5xx: the provider failed. */
    UNAVAILABLE(true),
    /** The provider did not answer in time (connect, first byte or between stream chunks), or 408. */
    TIMEOUT(true),
    /** The connection failed or was reset. */
    CONNECTION(true),
    /** The provider answered with something that is not its documented format, or cut a stream short. */
    MALFORMED_RESPONSE(true),
    /** Anything else. */
    OTHER(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying again (later, or elsewhere) can succeed. */
    public boolean retryable() {
        return retryable;
    }
}
