package io.circuitbreaker.llm.access;

/** A key's requests- and tokens-per-minute limits: kept by this instance, or shared by all through Redis. */
interface KeyRateLimits {

    /**
     * Takes one request unit for the key.
     *
     * @return the state after taking it, for the response headers
     * @throws RateLimitExceededException when a limit is reached (nothing is taken)
     */
    RateLimitSnapshot admit(GatewayKey key);

    /** Charges the tokens an answer used. */
    void charge(GatewayKey key, long tokens);
}
