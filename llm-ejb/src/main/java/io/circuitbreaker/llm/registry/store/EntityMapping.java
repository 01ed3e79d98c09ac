package io.circuitbreaker.llm.registry.store;

import io.circuitbreaker.llm.catalog.ModelDefinition;
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
        stored.costPerInputToken = model.costPerInputToken();
        stored.costPerOutputToken = model.costPerOutputToken();
        stored.costPerCachedInputToken = model.costPerCachedInputToken();
        stored.supportsStreaming = model.supportsStreaming();
        stored.supportsFunctionCalling = model.supportsFunctionCalling();
        stored.capabilities = String.join(",", model.capabilities());
        return stored;
    }

    static ModelDefinition toModel(StoredModel stored) {
        List<String> capabilities = stored.capabilities == null || stored.capabilities.isBlank() ? List.of()
                : Arrays.stream(stored.capabilities.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ModelDefinition(stored.modelId, stored.name, stored.maxTokens, stored.contextWindow,
                price(stored.costPerInputToken), price(stored.costPerOutputToken), stored.supportsStreaming,
                stored.supportsFunctionCalling, capabilities, price(stored.costPerCachedInputToken));
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
