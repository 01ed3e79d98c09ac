package io.circuitbreaker.llm.registry.store;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converts between the domain records and the stored form. Pure, so it is unit-tested without a database. */
public final class EntityMapping {

    private EntityMapping() {
    }

    public static ProviderEntity toEntity(ProviderDefinition provider, int position, LocalDateTime now) {
        ProviderEntity entity = new ProviderEntity();
        entity.id = provider.id();
        entity.providerType = provider.providerType().wireName();
        entity.name = provider.name();
        entity.baseUrl = provider.baseUrl();
        entity.apiKeyId = provider.apiKeyId();
        entity.position = position;
        entity.updatedAt = now;
        entity.models = new ArrayList<>(provider.models().stream().map(EntityMapping::toStored).toList());
        return entity;
    }

    public static ProviderDefinition toDefinition(ProviderEntity entity) {
        ProviderType type = ProviderType.parse(entity.providerType).orElseThrow(() -> new IllegalStateException(
                "stored provider " + entity.id + " has unknown type " + entity.providerType));
        return new ProviderDefinition(entity.id, type, entity.name, entity.baseUrl, entity.apiKeyId,
                entity.models.stream().map(EntityMapping::toModel).toList());
    }

    static StoredModel toStored(ModelDefinition model) {
        StoredModel stored = new StoredModel();
        stored.modelId = model.id();
        stored.name = model.name();
        stored.maxTokens = model.maxTokens();
        stored.contextWindow = model.contextWindow();
        ModelPricing pricing = model.pricing();
        TokenRates standard = pricing.standard();
        stored.costPerInputToken = standard.input();
        stored.costPerOutputToken = standard.output();
        stored.costPerCachedInputToken = standard.cacheRead();
        stored.costPerCacheWriteInputToken = standard.cacheWrite();
        stored.costPerCacheWrite1hInputToken = standard.cacheWriteLong();
        if (pricing.longContext() != null) {
            TokenRates tier = pricing.longContext();
            stored.longContextAbove = pricing.longContextAbove();
            stored.longContextCostPerInputToken = tier.input();
            stored.longContextCostPerOutputToken = tier.output();
            stored.longContextCostPerCachedInputToken = tier.cacheRead();
            stored.longContextCostPerCacheWriteInputToken = tier.cacheWrite();
            stored.longContextCostPerCacheWrite1hInputToken = tier.cacheWriteLong();
        }
        stored.priceOrigin = pricing.origin().wireName();
        stored.priceSource = pricing.source();
        stored.priceChecked = pricing.checkedOn();
        stored.supportsStreaming = model.supportsStreaming();
        stored.supportsFunctionCalling = model.supportsFunctionCalling();
        stored.capabilities = String.join(",", model.capabilities());
        stored.deprecated = model.deprecated();
        return stored;
    }

    /**
     * The model a stored row describes. A row written before prices had an origin is read as {@link
     * PriceOrigin#OPERATOR} when it is priced: it may hold an operator's edit, and an import must not overwrite that
     * silently.
     */
    static ModelDefinition toModel(StoredModel stored) {
        List<String> capabilities = stored.capabilities == null || stored.capabilities.isBlank() ? List.of()
                : Arrays.stream(stored.capabilities.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        TokenRates standard = rates(stored.costPerInputToken, stored.costPerOutputToken,
                stored.costPerCachedInputToken, stored.costPerCacheWriteInputToken,
                stored.costPerCacheWrite1hInputToken);
        TokenRates longContext = stored.longContextAbove == null ? null
                : rates(stored.longContextCostPerInputToken, stored.longContextCostPerOutputToken,
                        stored.longContextCostPerCachedInputToken, stored.longContextCostPerCacheWriteInputToken,
                        stored.longContextCostPerCacheWrite1hInputToken);
        PriceOrigin origin = PriceOrigin.parse(stored.priceOrigin)
                .orElse(standard.isPriced() ? PriceOrigin.OPERATOR : PriceOrigin.CATALOG);
        ModelPricing pricing = new ModelPricing(standard, stored.longContextAbove, longContext, origin,
                stored.priceSource, stored.priceChecked);
        return new ModelDefinition(stored.modelId, stored.name, stored.maxTokens, stored.contextWindow, pricing,
                stored.supportsStreaming, stored.supportsFunctionCalling, capabilities,
                Boolean.TRUE.equals(stored.deprecated));
    }

    /** One price band from its five columns, each spelled as configured. */
    private static TokenRates rates(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite,
            BigDecimal cacheWriteLong) {
        return new TokenRates(price(input), price(output), price(cacheRead), price(cacheWrite), price(cacheWriteLong));
    }

    /**
     * A DECIMAL(30,15) column reads back as {@code 0.000005000000000}; the catalog's spelling is {@code 0.000005}.
     * Same value, but clients compare strings, so trailing zeros go (and integers keep scale 0, not {@code 1E+1}).
     */
    static BigDecimal price(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static RouteEntity toEntity(RouteDefinition route, LocalDateTime now) {
        RouteEntity entity = new RouteEntity();
        entity.name = route.name();
        entity.strategy = route.strategy().name();
        entity.candidates = String.join(",", route.candidates().stream()
                .map(c -> c.model() + "*" + c.weight()).toList());
        entity.updatedAt = now;
        return entity;
    }

    public static RouteDefinition toDefinition(RouteEntity entity) {
        RouteStrategy strategy = RouteStrategy.parse(entity.strategy).orElseThrow(() -> new IllegalStateException(
                "stored route " + entity.name + " has unknown strategy " + entity.strategy));
        List<RouteDefinition.Candidate> candidates = new ArrayList<>();
        for (String item : entity.candidates.split(",")) {
            int star = item.lastIndexOf('*');
            candidates.add(star < 0 ? new RouteDefinition.Candidate(item, 1)
                    : new RouteDefinition.Candidate(item.substring(0, star),
                            Integer.parseInt(item.substring(star + 1))));
        }
        return new RouteDefinition(entity.name, strategy, candidates);
    }
}
