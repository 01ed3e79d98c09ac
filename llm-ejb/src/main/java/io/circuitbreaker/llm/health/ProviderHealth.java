package io.circuitbreaker.llm.health;

import java.time.Instant;
import java.util.Map;

/**
 * One provider's health as every reader shows it, built from the cache and the breakers without any upstream call.
 *
 * @param providerId       the provider configuration's id
 * @param providerType     its protocol's wire name
 * @param baseUrlHost      the host of its base URL (never the whole URL: a query may carry a key)
 * @param apiKeyConfigured whether its key resolves (or, for a server that needs none, true when it needs none)
 * @param healthy          false when the key is missing, the latest probe or real request failed, or every
 *                         deployment's breaker is open
 * @param lastCheck        when the last probe finished; {@code null} while none has
 * @param latencyMs        the last probe's latency; {@code null} while none has finished
 * @param lastTraffic      when real traffic last said something about the provider; {@code null} when never
 * @param breakers         circuit-breaker state by deployment ({@code providerId/modelId})
 * @param lastError        why it is unhealthy (redacted); {@code null} when healthy
 * @param probedBy         the gateway instance that ran the last probe (with Redis, one instance probes for all);
 *                         {@code null} while none has finished
 */
public record ProviderHealth(String providerId, String providerType, String baseUrlHost, boolean apiKeyConfigured,
        boolean healthy, Instant lastCheck, Long latencyMs, Instant lastTraffic, Map<String, String> breakers,
        String lastError, String probedBy) {

    /** A report that does not say which instance probed. */
    public ProviderHealth(String providerId, String providerType, String baseUrlHost, boolean apiKeyConfigured,
            boolean healthy, Instant lastCheck, Long latencyMs, Instant lastTraffic, Map<String, String> breakers,
            String lastError) {
        this(providerId, providerType, baseUrlHost, apiKeyConfigured, healthy, lastCheck, latencyMs, lastTraffic,
                breakers, lastError, null);
    }

    public static final String KEY_MISSING = "API key not configured";
    public static final String ALL_BREAKERS_OPEN = "every deployment's circuit breaker is open";
}
