package io.circuitbreaker.llm.api.healthgroup;

import io.circuitbreaker.llm.health.ProviderHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The check {@code llm-provider-<providerId>}: one configured provider, UP exactly when its cached report is healthy
 * (key present or not needed, last probe or real request fine, not every deployment's breaker open).
 *
 * <p>A check object per provider is possible because this group is served by the gateway's own servlet, which builds
 * its checks from the provider registry on every request: a provider added or removed through GraphQL appears or
 * disappears without a restart (MicroProfile Health's CDI-discovered checks are fixed at startup).
 */
final class ProviderCheck implements HealthCheck {

    static final String PREFIX = "llm-provider-";

    private final ProviderHealth report;

    ProviderCheck(ProviderHealth report) {
        this.report = report;
    }

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse(PREFIX + report.providerId(),
                report.healthy() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data(report)));
    }

    /**
     * MicroProfile Health data is flat (string, number, boolean): one key per fact. The keys keep the
     * {@code <providerId>.} prefix the former per-type checks used, so dashboards and alert rules written against them
     * (e.g. on {@code <id>.healthy}) still match. Only configuration-bounded facts: no key, never the whole base URL.
     */
    static Map<String, Object> data(ProviderHealth report) {
        Map<String, Object> data = new LinkedHashMap<>();
        String p = report.providerId() + ".";
        data.put(p + "providerType", report.providerType());
        if (report.baseUrlHost() != null) {
            data.put(p + "baseUrlHost", report.baseUrlHost());
        }
        data.put(p + "apiKeyConfigured", report.apiKeyConfigured());
        data.put(p + "healthy", report.healthy());
        if (report.lastCheck() != null) {
            data.put(p + "lastCheck", report.lastCheck().toString());
        }
        if (report.latencyMs() != null) {
            data.put(p + "latencyMs", report.latencyMs());
        }
        if (report.probedBy() != null) {
            // with Redis one instance probes for all: which one ran the last probe
            data.put(p + "probedBy", report.probedBy());
        }
        if (report.lastTraffic() != null) {
            data.put(p + "lastTraffic", report.lastTraffic().toString());
        }
        // deployments are "<providerId>/<model>": the model alone under the provider's prefix
        report.breakers().forEach((deployment, state) ->
                data.put(p + "breaker." + deployment.substring(report.providerId().length() + 1), state));
        if (report.lastError() != null) {
            data.put(p + "lastError", report.lastError());
        }
        return data;
    }
}
