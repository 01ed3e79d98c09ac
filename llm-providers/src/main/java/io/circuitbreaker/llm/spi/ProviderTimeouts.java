package io.circuitbreaker.llm.spi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Time limits per provider type from MicroProfile Config, in milliseconds:
 * {@code llm.timeout.<provider>.<limit>-ms} overrides {@code llm.timeout.<limit>-ms}, where provider is
 * {@code openai}, {@code anthropic}, {@code google} or {@code openai_compatible} and limit is {@code connect},
 * {@code first-byte}, {@code idle} or {@code health}. As environment variables: {@code LLM_TIMEOUT_IDLE_MS},
 * {@code LLM_TIMEOUT_ANTHROPIC_FIRST_BYTE_MS}, ...
 */
@ApplicationScoped
public class ProviderTimeouts {

    private Config config;

    protected ProviderTimeouts() {
        // for CDI proxies
    }

    @Inject
    public ProviderTimeouts(Config config) {
        this.config = config;
    }

    /** The endpoint for a base URL with the configured limits of its provider type. */
    public ProviderEndpoint endpoint(ProviderType type, String baseUrl) {
        return new ProviderEndpoint(type, URI.create(baseUrl),
                limit(type, "connect", ProviderEndpoint.DEFAULT_CONNECT),
                limit(type, "first-byte", ProviderEndpoint.DEFAULT_FIRST_BYTE),
                limit(type, "idle", ProviderEndpoint.DEFAULT_IDLE),
                limit(type, "health", ProviderEndpoint.DEFAULT_HEALTH));
    }

    private Duration limit(ProviderType type, String name, Duration fallback) {
        return config.getOptionalValue("llm.timeout." + type.wireName() + "." + name + "-ms", Long.class)
                .or(() -> config.getOptionalValue("llm.timeout." + name + "-ms", Long.class))
                .filter(ms -> ms > 0)
                .map(Duration::ofMillis)
                .orElse(fallback);
    }
}
