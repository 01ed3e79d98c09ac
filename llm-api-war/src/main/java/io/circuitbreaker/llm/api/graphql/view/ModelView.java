package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL view of a {@link ModelDefinition}. Read-only: the domain record stays out of the schema. */
@Type("LlmModel")
@Description("A model offered by a provider, with its limits and list prices.")
public class ModelView {

    // not "provider": the GraphQL engine reads a field and a getter of one name as one property, of the field's type
    private final ProviderDefinition owner;
    private final ModelDefinition model;

    public ModelView(ProviderDefinition provider, ModelDefinition model) {
        this.owner = provider;
        this.model = model;
    }

    @NonNull
    @Description("Id of the provider offering the model; provider/id is the model's unambiguous reference.")
    public String getProvider() {
        return owner.id();
    }

    @NonNull
    @Description("Wire protocol of the provider: openai, anthropic, google or openai_compatible.")
    public String getProviderType() {
        return owner.providerType().wireName();
    }

    @NonNull
    @Description("Model id as sent to the provider, e.g. gpt-4o.")
    public String getId() {
        return model.id();
    }

    @NonNull
    @Description("Display name, e.g. GPT-4o.")
    public String getName() {
        return model.name();
    }

    @Description("Most output tokens the model produces in one answer.")
    public int getMaxTokens() {
        return model.maxTokens();
    }

    @Description("Input plus output tokens the model accepts.")
    public int getContextWindow() {
        return model.contextWindow();
    }

    @Description("US dollars per input token (exact decimal); null when the model is unpriced.")
    public BigDecimal getCostPerInputToken() {
        return model.costPerInputToken();
    }

    @Description("US dollars per output token (exact decimal); null when the model is unpriced.")
    public BigDecimal getCostPerOutputToken() {
        return model.costPerOutputToken();
    }

    @Description("US dollars per input token served from the provider's prompt cache; null when priced as input.")
    public BigDecimal getCostPerCachedInputToken() {
        return model.costPerCachedInputToken();
    }

    @Description("US dollars per input token written to the prompt cache (Anthropic's 5-minute write); null when "
            + "priced as input.")
    public BigDecimal getCostPerCacheWriteInputToken() {
        return model.pricing().standard().cacheWrite();
    }

    @Description("US dollars per input token written to the prompt cache for 1 hour (Anthropic); null when priced "
            + "as a 5-minute write.")
    public BigDecimal getCostPerCacheWrite1hInputToken() {
        return model.pricing().standard().cacheWriteLong();
    }

    @Description("Prices for the whole request once its input exceeds a threshold (e.g. Gemini 2.5 Pro above "
            + "200k tokens); null when the model has none.")
    public LongContextPriceView getLongContext() {
        ModelPricing pricing = model.pricing();
        return pricing.longContext() == null ? null
                : new LongContextPriceView(pricing.longContextAbove(), pricing.longContext());
    }

    @NonNull
    @Description("Who set the prices: catalog (shipped), import (a price map) or operator.")
    public String getPriceOrigin() {
        return model.pricing().origin().wireName();
    }

    @Description("Where the prices were read (a provider's pricing page, a price map); null when not recorded.")
    public String getPriceSource() {
        return model.pricing().source();
    }

    @Description("The day the prices were checked against their source (YYYY-MM-DD); null when not recorded.")
    public String getPriceCheckedOn() {
        return model.pricing().checkedOn() == null ? null : model.pricing().checkedOn().toString();
    }

    @Description("Retired or deprecated by its provider: still routable, but plan a move.")
    public boolean isDeprecated() {
        return model.deprecated();
    }

    @Description("Whether answers can be streamed.")
    public boolean isSupportsStreaming() {
        return model.supportsStreaming();
    }

    @Description("Whether the model accepts tool (function) definitions.")
    public boolean isSupportsFunctionCalling() {
        return model.supportsFunctionCalling();
    }

    @NonNull
    @Description("Capability tags, e.g. text_generation, vision, multimodal.")
    public List<@NonNull String> getCapabilities() {
        return model.capabilities();
    }
}
