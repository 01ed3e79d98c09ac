package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.resilience.RetryPolicy;

/**
 * Router behaviour that operators may change.
 *
 * @param retry                     retries per deployment and backoff
 * @param routeAroundClientErrors   whether invalid-request, context-length and content-filter errors try the next
 *                                  candidate instead of being returned (off by default: another model rarely fixes
 *                                  a bad request, and the caller should see the provider's reason)
 */
public record RouterSettings(RetryPolicy retry, boolean routeAroundClientErrors) {

    public static final RouterSettings DEFAULTS = new RouterSettings(RetryPolicy.DEFAULTS, false);
}
