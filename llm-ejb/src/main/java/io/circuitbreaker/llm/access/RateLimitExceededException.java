package io.circuitbreaker.llm.access;

import java.time.Duration;

/** A key went over its requests or tokens per minute; nothing was sent upstream. */
public class RateLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which limit was hit, as OpenAI names them in messages and error types. */
    public enum Limit {
        REQUESTS, TOKENS
    }

    private final Limit limit;
    private final transient RateLimitSnapshot snapshot;
    private final Duration retryAfter;

    public RateLimitExceededException(Limit limit, RateLimitSnapshot snapshot, Duration retryAfter) {
        super(message(limit, snapshot, retryAfter), null, false, false);
        this.limit = limit;
        this.snapshot = snapshot;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    public RateLimitSnapshot snapshot() {
        return snapshot;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String message(Limit limit, RateLimitSnapshot snapshot, Duration retryAfter) {
        String what = limit == Limit.REQUESTS ? "requests per minute (RPM): Limit " + snapshot.requestLimit()
                : "tokens per minute (TPM): Limit " + snapshot.tokenLimit();
        return "Rate limit reached for this gateway key on " + what + ". Please try again in "
                + RateLimitSnapshot.format(retryAfter) + ".";
    }
}
