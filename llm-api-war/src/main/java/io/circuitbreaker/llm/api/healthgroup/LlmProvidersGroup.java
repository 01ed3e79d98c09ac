package io.circuitbreaker.llm.api.healthgroup;

import io.circuitbreaker.llm.health.ProviderHealth;
import io.circuitbreaker.llm.health.ProviderHealthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The health group {@code llm-providers}: one check per configured provider, in configuration order, all reading the
 * monitor's cache. The checks follow the registry, so their number is bounded by configuration, never by clients.
 */
@ApplicationScoped
public class LlmProvidersGroup {

    public static final String NAME = "llm-providers";

    @Inject
    ProviderHealthService health;

    /** Runs every provider's check over a single reading of the cache and breakers, so the checks agree. */
    public List<HealthCheckResponse> call() {
        return checks(health.reports());
    }

    static List<HealthCheckResponse> checks(List<ProviderHealth> reports) {
        return reports.stream().<HealthCheck>map(ProviderCheck::new).map(HealthCheck::call).toList();
    }
}
