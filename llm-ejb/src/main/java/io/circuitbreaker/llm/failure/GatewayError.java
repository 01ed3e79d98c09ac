package io.circuitbreaker.llm.failure;

/**
 * What ended a chat request, closed: front doors switch on it exhaustively. The first group are the gateway's own
 * refusals (nothing, or nothing more, was sent upstream); {@link #UPSTREAM} says a provider failed, and the
 * exception's {@link GatewayException#upstreamKind()} says how.
 */
public enum GatewayError {
    /** The request's content is not acceptable to the gateway. */
    INVALID_REQUEST,
    /** The gateway key is unknown or no longer active. */
    KEY_REJECTED,
    /** The key is over one of its per-minute limits; see {@link GatewayException#retryAfter()}. */
    RATE_LIMITED,
    /** The key's budget cannot cover the request's maximum cost. */
    BUDGET_EXCEEDED,
    /**
     * The store several gateway instances share their limits and budgets in (Redis) cannot be reached, and the
     * gateway is set to refuse rather than fall back to per-instance state: temporary.
     */
    SHARED_STATE_UNAVAILABLE,
    /** No route, catalog model or naming rule serves the requested model. */
    UNKNOWN_MODEL,
    /** Deployments exist, but none can serve this request (capabilities, context window). */
    NO_CAPABLE_MODEL,
    /** Every candidate is held back by an open circuit breaker: temporary. */
    ALL_BREAKERS_OPEN,
    /** No candidate could be called at all, e.g. no API key is configured for any of them. */
    NO_UPSTREAM,
    /** A provider failed or refused, and routing could not recover. */
    UPSTREAM,
    /** Anything else: a defect in the gateway. */
    OTHER
}
