/**
 * What the gateway tells Prometheus: requests, tokens, exact cost, latency and time to first token per provider and
 * model, upstream attempts, retries, fallbacks and errors by kind, circuit-breaker states and the usage writer's
 * backlog, as MicroProfile Metrics (served by Liberty at {@code /metrics}). Labels are bounded: configured provider
 * ids, catalog model ids ({@code other} for anything else), route names, closed enums; never user text, request ids
 * or keys.
 */
package io.circuitbreaker.llm.observability;
