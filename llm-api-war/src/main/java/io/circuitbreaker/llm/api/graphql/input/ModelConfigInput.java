package io.circuitbreaker.llm.api.graphql.input;

import io.circuitbreaker.llm.registry.ModelConfiguration;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One model of a {@link ProviderConfigInput}. Absent fields keep the stored value, or take the default. */
@Input("LlmModelConfigInput")
@Description("A model to add or update. Absent fields keep their stored value; a new model needs contextWindow.")
public class ModelConfigInput {

    @NonNull
    @Description("Model id as sent to the provider, e.g. gpt-4o.")
    private String id;

    @Description("Display name (default: the id).")
    private String name;

    @Description("Most output tokens in one answer (default: 4096, or the context window if smaller).")
    private Integer maxTokens;

    @Description("Input plus output tokens the model accepts. Required for a new model.")
    private Integer contextWindow;

    @Description("US dollars per input token, exact (at most 15 decimal places). Absent for a new model: unpriced.")
    private BigDecimal costPerInputToken;

    @Description("US dollars per output token, exact (at most 15 decimal places). Absent for a new model: unpriced.")
    private BigDecimal costPerOutputToken;

    @Description("US dollars per input token served from the provider's prompt cache (default: the input price).")
    private BigDecimal costPerCachedInputToken;

    @Description("US dollars per input token written to the prompt cache, 5-minute lifetime (default: the input "
            + "price).")
    private BigDecimal costPerCacheWriteInputToken;

    @Description("US dollars per input token written to the prompt cache, 1-hour lifetime (default: the 5-minute "
            + "write price).")
    private BigDecimal costPerCacheWrite1hInputToken;

    @Description("Mark the model retired or deprecated by its provider (still routable; flagged in listings).")
    private Boolean deprecated;

    @Description("Whether answers can be streamed (default true).")
    private Boolean supportsStreaming;

    @Description("Whether the model accepts tool definitions (default false).")
    private Boolean supportsFunctionCalling;

    @Description("Capability tags, e.g. text_generation, vision, multimodal (default: text_generation).")
    private List<String> capabilities;

    public ModelConfiguration toConfiguration() {
        return new ModelConfiguration(id, name, maxTokens, contextWindow, costPerInputToken, costPerOutputToken,
                costPerCachedInputToken, supportsStreaming, supportsFunctionCalling, capabilities,
                costPerCacheWriteInputToken, costPerCacheWrite1hInputToken, deprecated);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Integer getContextWindow() {
        return contextWindow;
    }

    public void setContextWindow(Integer contextWindow) {
        this.contextWindow = contextWindow;
    }

    public BigDecimal getCostPerInputToken() {
        return costPerInputToken;
    }

    public void setCostPerInputToken(BigDecimal costPerInputToken) {
        this.costPerInputToken = costPerInputToken;
    }

    public BigDecimal getCostPerOutputToken() {
        return costPerOutputToken;
    }

    public void setCostPerOutputToken(BigDecimal costPerOutputToken) {
        this.costPerOutputToken = costPerOutputToken;
    }

    public BigDecimal getCostPerCachedInputToken() {
        return costPerCachedInputToken;
    }

    public void setCostPerCachedInputToken(BigDecimal costPerCachedInputToken) {
        this.costPerCachedInputToken = costPerCachedInputToken;
    }

    public Boolean getSupportsStreaming() {
        return supportsStreaming;
    }

    public void setSupportsStreaming(Boolean supportsStreaming) {
        this.supportsStreaming = supportsStreaming;
    }

    public Boolean getSupportsFunctionCalling() {
        return supportsFunctionCalling;
    }

    public void setSupportsFunctionCalling(Boolean supportsFunctionCalling) {
        this.supportsFunctionCalling = supportsFunctionCalling;
    }

    public List<String> getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    public BigDecimal getCostPerCacheWriteInputToken() {
        return costPerCacheWriteInputToken;
    }

    public void setCostPerCacheWriteInputToken(BigDecimal costPerCacheWriteInputToken) {
        this.costPerCacheWriteInputToken = costPerCacheWriteInputToken;
    }

    public BigDecimal getCostPerCacheWrite1hInputToken() {
        return costPerCacheWrite1hInputToken;
    }

    public void setCostPerCacheWrite1hInputToken(BigDecimal costPerCacheWrite1hInputToken) {
        this.costPerCacheWrite1hInputToken = costPerCacheWrite1hInputToken;
    }

    public Boolean getDeprecated() {
        return deprecated;
    }

    public void setDeprecated(Boolean deprecated) {
        this.deprecated = deprecated;
    }
}
