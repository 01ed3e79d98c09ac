package io.circuitbreaker.llm.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One model of a stored provider. Prices are DECIMAL(30,15): exact, and room for prices far below a micro-dollar
 * (the catalog's smallest is 0.000000075). Capabilities are kept as one comma-separated column because an embeddable
 * cannot hold a collection of its own. Columns added after the first release are nullable, so rows written before
 * them read back (EclipseLink extends the table in place); {@link EntityMapping} gives their nulls a meaning.
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

    @Column(name = "COST_CACHE_WRITE", precision = 30, scale = 15)
    public BigDecimal costPerCacheWriteInputToken;

    @Column(name = "COST_CACHE_WRITE_1H", precision = 30, scale = 15)
    public BigDecimal costPerCacheWrite1hInputToken;

    /** Input tokens above which the long-context prices apply; null when the model has none. */
    @Column(name = "LONG_CONTEXT_ABOVE")
    public Integer longContextAbove;

    @Column(name = "LC_COST_INPUT", precision = 30, scale = 15)
    public BigDecimal longContextCostPerInputToken;

    @Column(name = "LC_COST_OUTPUT", precision = 30, scale = 15)
    public BigDecimal longContextCostPerOutputToken;

    @Column(name = "LC_COST_CACHED_INPUT", precision = 30, scale = 15)
    public BigDecimal longContextCostPerCachedInputToken;

    @Column(name = "LC_COST_CACHE_WRITE", precision = 30, scale = 15)
    public BigDecimal longContextCostPerCacheWriteInputToken;

    @Column(name = "LC_COST_CACHE_WRITE_1H", precision = 30, scale = 15)
    public BigDecimal longContextCostPerCacheWrite1hInputToken;

    /** Who set the prices (catalog, import, operator); null on rows written before it was recorded. */
    @Column(name = "PRICE_ORIGIN", length = 16)
    public String priceOrigin;

    @Column(name = "PRICE_SOURCE", length = 1000)
    public String priceSource;

    @Column(name = "PRICE_CHECKED")
    public LocalDate priceChecked;

    @Column(name = "DEPRECATED")
    public Boolean deprecated;
}
