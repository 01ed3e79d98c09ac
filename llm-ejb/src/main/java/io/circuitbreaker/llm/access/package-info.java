/**
 * Who may use the gateway and how much: gateway keys (stored only as hashes), their roles, per-key rate limits
 * (requests and tokens per minute) and per-key budgets (a spend limit per day or month, reserved before the upstream
 * call with the request's maximum cost and settled with the real cost after).
 *
 * <p>The web module authenticates a request with {@link io.circuitbreaker.llm.access.GatewayKeys}; the API layers ask
 * {@link io.circuitbreaker.llm.access.AccessGuard} to admit each chat request before it reaches the router.
 */
package io.circuitbreaker.llm.access;
