package io.circuitbreaker.llm.catalog;

import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured provider: which protocol it speaks, where, with which key reference, and which models it offers.
 *
 * @param id           stable identifier, unique in the catalog
 * @param providerType the wire protocol
 * @param name         a display name
 * @param baseUrl      the API root, e.g. {@code https://api.openai.com/v1}
 * @param apiKeyId     the name of the secret holding the API key (never the key itself)
 * @param models       the models offered
 */
public record ProviderDefinition(
        String id,
        ProviderType providerType,
        String name,
        String baseUrl,
        String apiKeyId,
        List<ModelDefinition> models) {

    public ProviderDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerType, "providerType");
        name = name == null || name.isBlank() ? id : name;
        models = models == null ? List.of() : List.copyOf(models);
    }

    public Optional<ModelDefinition> model(String modelId) {
        return models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }
}
