package io.circuitbreaker.llm.api.healthgroup;

import io.circuitbreaker.llm.health.ProviderHealth;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The check {@code llm-provider:<type>}: DOWN when any configured provider of the type is unhealthy, with every
 * provider's details in the data under {@code <providerId>.}. One check per type rather than per provider because
 * MicroProfile Health checks are fixed when the application starts, while providers come and go through GraphQL.
 */
final class ProviderTypeCheck implements HealthCheck {

    static final String PREFIX = "llm-provider:";

    private final ProviderType type;
    private final List<ProviderHealth> reports;

    /** @param reports every provider's health, read once for the whole group response */
    ProviderTypeCheck(ProviderType type, List<ProviderHealth> reports) {
        this.type = type;
        this.reports = reports;
    }

    @Override
    public HealthCheckResponse call() {
        List<ProviderHealth> ofType = reports.stream()
                .filter(r -> r.providerType().equals(type.wireName())).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("providerType", type.wireName());
        data.put("providers", String.join(",", ofType.stream().map(ProviderHealth::providerId).toList()));
        for (ProviderHealth report : ofType) {
            put(data, report);
        }
        boolean up = ofType.stream().allMatch(ProviderHealth::healthy);
        return new HealthCheckResponse(PREFIX + type.wireName(),
                up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    /** MicroProfile Health data is flat (string, number, boolean): one key per fact, prefixed by the provider id. */
    private static void put(Map<String, Object> data, ProviderHealth report) {
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
        if (report.lastTraffic() != null) {
            data.put(p + "lastTraffic", report.lastTraffic().toString());
        }
        report.breakers().forEach((deployment, state) ->
                data.put(p + "breaker." + deployment.substring(report.providerId().length() + 1), state));
        if (report.lastError() != null) {
            data.put(p + "lastError", report.lastError());
        }
    }
}
