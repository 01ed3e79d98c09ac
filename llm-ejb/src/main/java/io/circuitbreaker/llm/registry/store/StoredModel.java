package io.circuitbreaker.llm.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * One model of a stored provider. Prices are DECIMAL(30,15): exact, and room for prices far below a micro-dollar
 * (the catalog's smallest is 0.000000075). Capabilities are kept as one comma-separated column because an embeddable
 * cannot hold a collection of its own.
 */
@Embeddable
public class StoredModel {

    @Column(name = "MODEL_ID", length = 256, nullable = false)
    public String modelId;

    @Column(name = "NAME", length = 256)
    public String name;

    @Column(name = "MAX_TOKENS", nullable = false)
    public int maxTokens;

    @Column(name = "CONTEXT_WINDOW", nullable = false)
    public int contextWindow;

    @Column(name = "COST_INPUT", precision = 30, scale = 15)
    public BigDecimal costPerInputToken;

    @Column(name = "COST_OUTPUT", precision = 30, scale = 15)
    public BigDecimal costPerOutputToken;

    @Column(name = "COST_CACHED_INPUT", precision = 30, scale = 15)
    public BigDecimal costPerCachedInputToken;

    @Column(name = "STREAMING", nullable = false)
    public boolean supportsStreaming;

    @Column(name = "FUNCTION_CALLING", nullable = false)
    public boolean supportsFunctionCalling;

    @Column(name = "CAPABILITIES", length = 1000)
    public String capabilities;
}
