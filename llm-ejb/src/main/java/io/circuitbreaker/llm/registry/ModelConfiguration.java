package io.circuitbreaker.llm.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * One model in a {@link ProviderConfiguration}, as the client sent it. Absent fields keep the stored value when the
 * model exists, and take a documented default when it is new.
 */
public record ModelConfiguration(String id, String name, Integer maxTokens, Integer contextWindow,
        BigDecimal costPerInputToken, BigDecimal costPerOutputToken, BigDecimal costPerCachedInputToken,
        Boolean supportsStreaming, Boolean supportsFunctionCalling, List<String> capabilities) {
}
