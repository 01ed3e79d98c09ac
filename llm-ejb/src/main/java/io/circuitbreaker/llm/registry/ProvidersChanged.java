package io.circuitbreaker.llm.registry;

/**
 * CDI event: the configured providers changed (created, updated or removed), so the monitor probes a new or changed
 * provider now instead of at its next scheduled round.
 *
 * @param providerId the provider that changed
 */
public record ProvidersChanged(String providerId) {
}
