package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL view of a {@link ProviderDefinition}; never exposes a key, only the name of the secret that holds it. */
@Type("LlmProvider")
@Description("An upstream LLM provider the gateway routes to, and the models it offers.")
public class ProviderView {

    private final ProviderDefinition provider;
    private final HealthStatusView health;

    public ProviderView(ProviderDefinition provider, HealthStatusView health) {
        this.provider = provider;
        this.health = health;
    }

    @NonNull
    @Description("Stable identifier of this provider configuration.")
    public String getId() {
        return provider.id();
    }

    @NonNull
    @Description("Wire protocol: openai, anthropic, google or openai_compatible.")
    public String getProviderType() {
        return provider.providerType().wireName();
    }

    @NonNull
    @Description("Display name.")
    public String getName() {
        return provider.name();
    }

    @Description("API root the gateway calls, e.g. https://api.openai.com/v1.")
    public String getBaseUrl() {
        return provider.baseUrl();
    }

    @Description("Name of the secret that holds the API key (the key itself is never exposed).")
    public String getApiKeyId() {
        return provider.apiKeyId();
    }

    @NonNull
    @Description("Models this provider offers.")
    public List<@NonNull ModelView> getModels() {
        return provider.models().stream().map(m -> new ModelView(provider, m)).toList();
    }

    @Description("Whether the API key resolves through configuration (the key itself is never exposed).")
    public boolean isApiKeyConfigured() {
        return health.isApiKeyConfigured();
    }

    @NonNull
    @Description("Whether the gateway can route to this provider now, and when it was last probed.")
    public HealthStatusView getHealthStatus() {
        return health;
    }
}
