package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.HealthProbe;
import java.util.concurrent.CompletionStage;

/** Probes one provider without spending tokens; in the container, the adapter's list-models health check. */
@FunctionalInterface
public interface ProbeFunction {

    /**
     * @param apiKey the resolved key, or {@code null} for a provider that needs none
     */
    CompletionStage<HealthProbe> probe(ProviderDefinition provider, String apiKey);
}
