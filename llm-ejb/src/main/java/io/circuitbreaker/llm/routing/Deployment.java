package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Objects;

/**
 * One concrete place a request can go: a provider configuration (protocol, base URL, key reference) and a model.
 *
 * @param providerId the provider configuration's id, e.g. {@code openai} or {@code openai-eu}
 * @param type       the protocol
 * @param baseUrl    the API root
 * @param apiKeyId   the name of the secret holding the key
 * @param model      the model, as the catalog describes it
 * @param cataloged  whether the model is in the catalog; a passthrough model has unknown limits and no price
 * @param weight     share of traffic for weighted routes (1 elsewhere)
 */
public record Deployment(String providerId, ProviderType type, String baseUrl, String apiKeyId, ModelDefinition model,
        boolean cataloged, int weight) {

    public Deployment {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        weight = Math.max(1, weight);
    }

    /** {@code providerId/modelId}: identifies the deployment in breakers, latency data and usage records. */
    public String key() {
        return providerId + "/" + model.id();
    }

    public Deployment withWeight(int newWeight) {
        return new Deployment(providerId, type, baseUrl, apiKeyId, model, cataloged, newWeight);
    }

    /** A model the catalog does not list: passed through with no price and no known limits. */
    public static ModelDefinition passthroughModel(String modelId) {
        return new ModelDefinition(modelId, modelId, Integer.MAX_VALUE, Integer.MAX_VALUE, null, null, true, true,
                List.of());
    }
}
