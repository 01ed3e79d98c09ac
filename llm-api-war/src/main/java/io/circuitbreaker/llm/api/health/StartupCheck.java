package io.circuitbreaker.llm.api.health;

import io.circuitbreaker.llm.registry.ProviderRegistry;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** UP once the provider catalog has been loaded, so a startup probe holds traffic back until routing can work. */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    @Inject
    ProviderRegistry registry;

    @Override
    public HealthCheckResponse call() {
        boolean loaded = registry.isLoaded();
        return HealthCheckResponse.named("catalog")
                .status(loaded)
                .withData("providers", registry.providers().size())
                .withData("models", registry.models().size())
                .build();
    }
}
