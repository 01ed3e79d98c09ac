package io.circuitbreaker.llm.api.graphql.input;

import io.circuitbreaker.llm.registry.ProviderConfiguration;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The design document's {@code LlmproviderConfigInput}, spelled exactly so its mutation works verbatim. */
@Input("LlmproviderConfigInput")
@Description("A provider to create or update. The provider is found by id, else by name and type; models are merged "
        + "into its list by id unless replaceModels is true.")
public class ProviderConfigInput {

    @Description("Provider id (letters, digits, . _ -). Absent: the provider of the same name, or one derived from "
            + "the name.")
    private String id;

    @NonNull
    @Description("Wire protocol, any case: openai, anthropic, google (or gemini), openai_compatible.")
    private String providerType;

    @NonNull
    @Description("Display name.")
    private String name;

    @Description("API root, e.g. https://api.openai.com/v1. Absent: the built-in default of the type (required for "
            + "openai_compatible).")
    private String baseUrl;

    @Description("Name of the secret holding the API key, read as llm.api-key.<apiKeyId> (environment variable "
            + "LLM_API_KEY_<APIKEYID>). Never the key itself.")
    private String apiKeyId;

    @Description("Models to add or update, by id.")
    private List<ModelConfigInput> models;

    @Description("Whether the given models replace the provider's whole list (default false: they are merged in).")
    private Boolean replaceModels;

    public ProviderConfiguration toConfiguration() {
        return new ProviderConfiguration(id, providerType, name, baseUrl, apiKeyId,
                models == null ? List.of() : models.stream().map(m -> m == null ? null : m.toConfiguration()).toList(),
                Boolean.TRUE.equals(replaceModels));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getProviderType() {
        return providerType;
    }

    public void setProviderType(String providerType) {
        this.providerType = providerType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKeyId() {
        return apiKeyId;
    }

    public void setApiKeyId(String apiKeyId) {
        this.apiKeyId = apiKeyId;
    }

    public List<ModelConfigInput> getModels() {
        return models;
    }

    public void setModels(List<ModelConfigInput> models) {
        this.models = models;
    }

    public Boolean getReplaceModels() {
        return replaceModels;
    }

    public void setReplaceModels(Boolean replaceModels) {
        this.replaceModels = replaceModels;
    }
}
