package io.circuitbreaker.llm.api.healthgroup;

import io.circuitbreaker.llm.health.ProviderHealth;
import io.circuitbreaker.llm.health.ProviderHealthService;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** The health group {@code llm-providers}: one check per provider type, all reading the monitor's cache. */
@ApplicationScoped
public class LlmProvidersGroup {

    public static final String NAME = "llm-providers";

    @Inject
    ProviderHealthService health;

    /** Runs one check per provider type over a single reading of the cache, so the checks agree. */
    public List<HealthCheckResponse> call() {
        List<ProviderHealth> reports = health.reports();
        return Arrays.stream(ProviderType.values())
                .<HealthCheck>map(type -> new ProviderTypeCheck(type, reports))
                .map(HealthCheck::call).toList();
    }
}
