package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Validates one {@link ModelConfiguration} and merges it over the stored model of the same id, if any. */
final class ModelDefinitions {

    private ModelDefinitions() {
    }

    /**
     * @return the merged model, or empty when it has problems (added to {@code problems})
     */
    static Optional<ModelDefinition> merge(ModelConfiguration in, Optional<ModelDefinition> stored, String where,
            List<String> problems) {
        int before = problems.size();
        Integer contextWindow = in.contextWindow() != null ? in.contextWindow()
                : stored.map(ModelDefinition::contextWindow).orElse(null);
        if (contextWindow == null) {
            problems.add(where + ".contextWindow is required for a new model (input plus output tokens it accepts)");
        } else if (contextWindow < 1) {
            problems.add(where + ".contextWindow must be at least 1");
        }
        Integer maxTokens = in.maxTokens() != null ? in.maxTokens()
                : stored.map(ModelDefinition::maxTokens).orElse(contextWindow == null ? null
                        : Math.min(ProviderConfigurations.DEFAULT_MAX_TOKENS, contextWindow));
        if (maxTokens != null && maxTokens < 1) {
            problems.add(where + ".maxTokens must be at least 1");
        } else if (maxTokens != null && contextWindow != null && contextWindow >= 1 && maxTokens > contextWindow) {
            problems.add(where + ".maxTokens (" + maxTokens + ") must not exceed contextWindow (" + contextWindow
                    + ")");
        }
        BigDecimal input = price(in.costPerInputToken(), stored.map(ModelDefinition::costPerInputToken),
                where + ".costPerInputToken", problems);
        BigDecimal output = price(in.costPerOutputToken(), stored.map(ModelDefinition::costPerOutputToken),
                where + ".costPerOutputToken", problems);
        BigDecimal cached = price(in.costPerCachedInputToken(),
                stored.map(ModelDefinition::costPerCachedInputToken), where + ".costPerCachedInputToken", problems);
        BigDecimal cacheWrite = price(in.costPerCacheWriteInputToken(),
                stored.map(m -> m.pricing().standard().cacheWrite()), where + ".costPerCacheWriteInputToken",
                problems);
        BigDecimal cacheWriteLong = price(in.costPerCacheWrite1hInputToken(),
                stored.map(m -> m.pricing().standard().cacheWriteLong()), where + ".costPerCacheWrite1hInputToken",
                problems);
        List<String> capabilities = in.capabilities() != null ? in.capabilities()
                : stored.map(ModelDefinition::capabilities).orElse(List.of("text_generation"));
        for (String capability : capabilities) {
            if (capability == null || capability.isBlank() || capability.length() > 64 || capability.contains(",")) {
                problems.add(where + ".capabilities: each must have 1 to 64 characters and no comma");
                break;
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String name = in.name() != null && !in.name().isBlank() ? in.name().trim()
                : stored.map(ModelDefinition::name).orElse(in.id());
        boolean streaming = in.supportsStreaming() != null ? in.supportsStreaming()
                : stored.map(ModelDefinition::supportsStreaming).orElse(true);
        boolean functions = in.supportsFunctionCalling() != null ? in.supportsFunctionCalling()
                : stored.map(ModelDefinition::supportsFunctionCalling).orElse(false);
        boolean deprecated = in.deprecated() != null ? in.deprecated()
                : stored.map(ModelDefinition::deprecated).orElse(false);
        return Optional.of(new ModelDefinition(in.id(), name, maxTokens, contextWindow,
                pricing(in, stored, new TokenRates(input, output, cached, cacheWrite, cacheWriteLong)), streaming,
                functions, capabilities.stream().map(String::trim).distinct().toList(), deprecated));
    }

    /**
     * A price set by the client that changes the model's prices makes them the operator's (dated today, no published
     * source); otherwise the stored model's pricing stands, long-context band and provenance included, so sending
     * the same configuration again changes nothing.
     */
    private static ModelPricing pricing(ModelConfiguration in, Optional<ModelDefinition> stored,
            TokenRates standard) {
        Optional<ModelPricing> before = stored.map(ModelDefinition::pricing);
        boolean changed = before.map(p -> !p.standard().equals(standard)).orElse(true);
        if (in.setsAPrice() && changed) {
            return new ModelPricing(standard, before.map(ModelPricing::longContextAbove).orElse(null),
                    before.map(ModelPricing::longContext).orElse(null), PriceOrigin.OPERATOR, null,
                    LocalDate.now(ZoneOffset.UTC));
        }
        return before.map(p -> new ModelPricing(standard, p.longContextAbove(), p.longContext(), p.origin(),
                p.source(), p.checkedOn())).orElse(ModelPricing.of(standard, PriceOrigin.OPERATOR));
    }

    private static BigDecimal price(BigDecimal given, Optional<BigDecimal> stored, String field,
            List<String> problems) {
        if (given == null) {
            return stored.orElse(null);
        }
        if (given.signum() < 0) {
            problems.add(field + " must not be negative");
            return null;
        }
        BigDecimal exact = given.stripTrailingZeros();
        if (exact.scale() > ProviderConfigurations.MAX_PRICE_SCALE) {
            problems.add(field + " has more than " + ProviderConfigurations.MAX_PRICE_SCALE + " decimal places");
            return null;
        }
        if (exact.precision() - exact.scale() > 15) {
            problems.add(field + " is too large");
            return null;
        }
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
}
