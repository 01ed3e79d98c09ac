package io.circuitbreaker.llm.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * One model in a {@link ProviderConfiguration}, as the client sent it. Absent fields keep the stored value when the
 * model exists, and take a documented default when it is new. Any price given marks the model's prices as the
 * operator's, so a later price-map import leaves them alone unless told otherwise.
 */
public record ModelConfiguration(String id, String name, Integer maxTokens, Integer contextWindow,
        BigDecimal costPerInputToken, BigDecimal costPerOutputToken, BigDecimal costPerCachedInputToken,
        Boolean supportsStreaming, Boolean supportsFunctionCalling, List<String> capabilities,
        BigDecimal costPerCacheWriteInputToken, BigDecimal costPerCacheWrite1hInputToken, Boolean deprecated) {

    /** A configuration without cache-write prices or a deprecation flag. */
    public ModelConfiguration(String id, String name, Integer maxTokens, Integer contextWindow,
            BigDecimal costPerInputToken, BigDecimal costPerOutputToken, BigDecimal costPerCachedInputToken,
            Boolean supportsStreaming, Boolean supportsFunctionCalling, List<String> capabilities) {
        this(id, name, maxTokens, contextWindow, costPerInputToken, costPerOutputToken, costPerCachedInputToken,
                supportsStreaming, supportsFunctionCalling, capabilities, null, null, null);
    }

    /** Whether the client set any price of the model. */
    boolean setsAPrice() {
        return costPerInputToken != null || costPerOutputToken != null || costPerCachedInputToken != null
                || costPerCacheWriteInputToken != null || costPerCacheWrite1hInputToken != null;
    }
}
