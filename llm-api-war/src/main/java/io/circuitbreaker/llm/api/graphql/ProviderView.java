package io.circuitbreaker.llm.api.graphql;

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

    public ProviderView(ProviderDefinition provider) {
        this.provider = provider;
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
        return provider.models().stream().map(ModelView::new).toList();
    }
}
