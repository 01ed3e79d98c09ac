package io.circuitbreaker.llm.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request to create or update a provider, as a client sent it: unvalidated, fields absent as {@code null}.
 * {@link ProviderConfigurations} checks it and turns it into a provider definition.
 *
 * @param id            the provider id; absent: the provider of the same name (and type), or one derived from the name
 * @param providerType  the protocol as written by the client ({@code openai}, {@code OpenAI}, {@code gemini}, ...)
 * @param name          the display name
 * @param baseUrl       the API root; absent: the built-in default of the type (required for openai_compatible)
 * @param apiKeyId      the name of the secret holding the key (never the key)
 * @param models        models to add or update, by id
 * @param replaceModels whether the given models replace the provider's list instead of being merged into it
 */
public record ProviderConfiguration(String id, String providerType, String name, String baseUrl, String apiKeyId,
        List<ModelConfiguration> models, boolean replaceModels) {

    public ProviderConfiguration {
        // not List.copyOf: a null element is the client's mistake, reported as such by ProviderConfigurations
        models = models == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(models));
    }
}
