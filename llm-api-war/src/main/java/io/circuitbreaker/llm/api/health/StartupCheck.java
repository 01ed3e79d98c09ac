package io.circuitbreaker.llm.api.health;

import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.spi.ProviderClientFactory;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * UP once routing can work: the provider catalog is loaded and every provider type has its adapter bean. A startup
 * probe then holds traffic back until then, and a packaging mistake (an adapter missing from the EAR) shows here
 * instead of as failed requests.
 */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    @EJB
    ProviderRegistry registry;

    @Inject
    ProviderClientFactory adapters;

    @Override
    public HealthCheckResponse call() {
        List<String> available = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ProviderType type : ProviderType.values()) {
            try {
                adapters.adapter(type);
                available.add(type.wireName());
            } catch (IllegalStateException e) {
                missing.add(type.wireName());
            }
        }
        boolean ready = registry.isLoaded() && missing.isEmpty();
        var response = HealthCheckResponse.named("catalog")
                .status(ready)
                .withData("providers", registry.providers().size())
                .withData("models", registry.models().size())
                .withData("adapters", String.join(",", available));
        if (!missing.isEmpty()) {
            response.withData("missingAdapters", String.join(",", missing));
        }
        return response.build();
    }
}
