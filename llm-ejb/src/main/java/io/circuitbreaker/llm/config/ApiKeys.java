package io.circuitbreaker.llm.config;

import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Resolves a provider's API key from its secret reference, through MicroProfile Config (environment variables,
 * system properties, server variables): {@code llm.api-key.<id>} (env {@code LLM_API_KEY_<ID>}), then for the
 * built-in providers the conventional variables {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 * {@code GOOGLE_API_KEY} / {@code GEMINI_API_KEY}. Keys are read on every call, so a rotated secret takes effect
 * without a restart, and they are never stored, logged or returned.
 */
@ApplicationScoped
public class ApiKeys {

    private Config config;

    protected ApiKeys() {
        // for CDI proxies
    }

    @Inject
    public ApiKeys(Config config) {
        this.config = config;
    }

    /**
     * @param apiKeyId the secret's name (falls back to the provider id when absent)
     * @param type     the protocol, for the conventional variable names
     */
    public Optional<String> resolve(String apiKeyId, ProviderType type) {
        if (apiKeyId != null && !apiKeyId.isBlank()) {
            Optional<String> named = value("llm.api-key." + apiKeyId)
                    .or(() -> value("LLM_API_KEY_" + envName(apiKeyId)));
            if (named.isPresent()) {
                return named;
            }
        }
        for (String conventional : conventionalNames(type)) {
            Optional<String> key = value(conventional);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    static List<String> conventionalNames(ProviderType type) {
        return switch (type) {
            case OPENAI -> List.of("OPENAI_API_KEY");
            case ANTHROPIC -> List.of("ANTHROPIC_API_KEY");
            case GOOGLE -> List.of("GOOGLE_API_KEY", "GEMINI_API_KEY");
            // an OpenAI-compatible server has its own key, if any: never send the OpenAI key to it
            case OPENAI_COMPATIBLE -> List.of();
        };
    }

    /** {@code openai-key-1} → {@code OPENAI_KEY_1}, the environment-variable form MicroProfile Config maps to. */
    static String envName(String id) {
        return id.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
