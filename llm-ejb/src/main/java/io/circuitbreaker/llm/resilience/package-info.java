/**
 * Keeping failing deployments out of the way: per-deployment circuit breakers and the retry/backoff policy. Pure
 * logic with an injectable clock and random source, so every rule is unit tested.
 */
package io.circuitbreaker.llm.resilience;
