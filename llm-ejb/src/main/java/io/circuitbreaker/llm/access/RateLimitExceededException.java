package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import java.time.Duration;

/** A key went over its requests or tokens per minute; nothing was sent upstream. */
public class RateLimitExceededException extends GatewayException {

    private static final long serialVersionUID = 1L;

    /** Which limit was hit, as OpenAI names them in messages and error types. */
    public enum Limit {
        REQUESTS, TOKENS
    }

    private final Limit limit;
    private final transient RateLimitSnapshot snapshot;

    public RateLimitExceededException(Limit limit, RateLimitSnapshot snapshot, Duration retryAfter) {
        super(GatewayError.RATE_LIMITED, message(limit, snapshot, retryAfter), null, retryAfter,
                java.util.List.of());
        this.limit = limit;
        this.snapshot = snapshot;
    }

    public Limit limit() {
        return limit;
    }

    public RateLimitSnapshot snapshot() {
        return snapshot;
    }

    private static String message(Limit limit, RateLimitSnapshot snapshot, Duration retryAfter) {
        String what = limit == Limit.REQUESTS ? "requests per minute (RPM): Limit " + snapshot.requestLimit()
                : "tokens per minute (TPM): Limit " + snapshot.tokenLimit();
        return "Rate limit reached for this gateway key on " + what + ". Please try again in "
                + RateLimitSnapshot.format(retryAfter) + ".";
    }
}
