package io.circuitbreaker.llm.health;

import java.time.Instant;

/**
 * One thing seen about a provider: a probe's result or a real request's outcome.
 *
 * @param ok        whether the provider answered well
 * @param at        when it was seen
 * @param latencyMs how long it took; {@code null} when not measured
 * @param error     why it failed, already redacted; {@code null} when ok
 * @param probedBy  for a probe, the gateway instance that ran it (this one, or another whose result was shared
 *                  through Redis); {@code null} for traffic
 */
public record Observation(boolean ok, Instant at, Long latencyMs, String error, String probedBy) {

    /** An observation that names no instance (real traffic, always this instance's own). */
    public Observation(boolean ok, Instant at, Long latencyMs, String error) {
        this(ok, at, latencyMs, error, null);
    }
}
