package io.circuitbreaker.llm.health;

import java.time.Instant;

/**
 * One thing seen about a provider: a probe's result or a real request's outcome.
 *
 * @param ok        whether the provider answered well
 * @param at        when it was seen
 * @param latencyMs how long it took; {@code null} when not measured
 * @param error     why it failed, already redacted; {@code null} when ok
 */
public record Observation(boolean ok, Instant at, Long latencyMs, String error) {
}
