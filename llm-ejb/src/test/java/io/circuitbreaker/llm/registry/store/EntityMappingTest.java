package io.circuitbreaker.llm.registry.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteDefinition.Candidate;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EntityMappingTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 1, 15, 10, 30);

    private static final ModelDefinition PRICED = new ModelDefinition("claude-3-5-sonnet-20241022",
            "Claude 3.5 Sonnet", 8192, 200000, new BigDecimal("0.000003"), new BigDecimal("0.000015"), true, true,
            List.of("text_generation", "vision", "function_calling"), new BigDecimal("0.0000003"));

    private static final ModelDefinition UNPRICED = new ModelDefinition("llama3", "Llama 3", 4096, 8192, null, null,
            true, false, List.of(), null);

    private static final ProviderDefinition PROVIDER = new ProviderDefinition("my-gateway",
            ProviderType.OPENAI_COMPATIBLE, "My Gateway", "http://localhost:11434/v1", "gateway-key",
            List.of(PRICED, UNPRICED));

    @Test
    void providerSurvivesTheRoundTrip() {
        assertEquals(PROVIDER, EntityMapping.toDefinition(EntityMapping.toEntity(PROVIDER, 4, NOW)));
    }

    @Test
    void entityCarriesTheWireTypeListingPositionAndTime() {
        ProviderEntity entity = EntityMapping.toEntity(PROVIDER, 4, NOW);

        assertAll(
                () -> assertEquals("openai_compatible", entity.providerType),
                () -> assertEquals(4, entity.position),
                () -> assertEquals(NOW, entity.updatedAt),
                () -> assertEquals("gateway-key", entity.apiKeyId),
                () -> assertEquals("text_generation,vision,function_calling", entity.models.get(0).capabilities),
                () -> assertEquals(new BigDecimal("0.0000003"), entity.models.get(0).costPerCachedInputToken));
    }

    @Test
    void unpricedModelStaysUnpriced() {
        ModelDefinition back = EntityMapping.toModel(EntityMapping.toStored(UNPRICED));

        assertNull(back.costPerInputToken());
        assertNull(back.costPerOutputToken());
        assertNull(back.costPerCachedInputToken());
        assertEquals(List.of(), back.capabilities());
    }

    static Stream<ProviderDefinition> catalogProviders() {
        return CatalogReader.defaultCatalog().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogProviders")
    void everyBuiltInProviderSurvivesTheRoundTrip(ProviderDefinition provider) {
        assertEquals(provider, EntityMapping.toDefinition(EntityMapping.toEntity(provider, 0, NOW)));
    }

    /** What a DECIMAL(30,15) column hands back: the value with fifteen decimal places. */
    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "0.000005000000000, 0.000005",
            "0.000000075000000, 0.000000075",
            "0.000000000000001, 0.000000000000001",
            "10.000000000000000, 10",
            "1500.000000000000000, 1500",
            "0.000000000000000, 0"})
    void priceReadFromTheDatabaseIsSpelledAsConfigured(String column, String expected) {
        StoredModel stored = EntityMapping.toStored(UNPRICED);
        stored.costPerInputToken = new BigDecimal(column);
        stored.costPerOutputToken = new BigDecimal(column);
        stored.costPerCachedInputToken = new BigDecimal(column);

        ModelDefinition model = EntityMapping.toModel(stored);

        assertAll(
                () -> assertEquals(new BigDecimal(expected), model.costPerInputToken(), "value and scale"),
                () -> assertEquals(expected, model.costPerInputToken().toPlainString()),
                () -> assertEquals(expected, model.costPerOutputToken().toPlainString()),
                () -> assertEquals(expected, model.costPerCachedInputToken().toPlainString()));
    }

    @Test
    void capabilitiesColumnIsSplitAndTrimmed() {
        StoredModel stored = EntityMapping.toStored(UNPRICED);
        stored.capabilities = " text_generation , vision,,";

        assertEquals(List.of("text_generation", "vision"), EntityMapping.toModel(stored).capabilities());
    }

    /** A row written before prices had an origin may hold an operator's edit: an import must not overwrite it. */
    @Test
    void aRowFromBeforePriceOriginsReadsAsOperatorPricedAndNotDeprecated() {
        StoredModel stored = EntityMapping.toStored(PRICED);
        stored.priceOrigin = null;
        stored.deprecated = null;

        ModelDefinition model = EntityMapping.toModel(stored);

        assertEquals(PriceOrigin.OPERATOR, model.pricing().origin());
        assertEquals(false, model.deprecated());
        assertEquals(PriceOrigin.CATALOG, EntityMapping.toModel(EntityMapping.toStored(PRICED)).pricing().origin());
    }

    @Test
    void longContextBandCacheWritesAndProvenanceSurviveTheRoundTrip() {
        ModelPricing pricing = new ModelPricing(new TokenRates(new BigDecimal("0.000003"),
                new BigDecimal("0.000015"), new BigDecimal("0.0000003"), new BigDecimal("0.00000375"),
                new BigDecimal("0.000006")), 200_000, new TokenRates(new BigDecimal("0.000006"),
                new BigDecimal("0.0000225"), null, null, null), PriceOrigin.IMPORT, "LiteLLM price map",
                LocalDate.of(2026, 12, 5));
        ModelDefinition model = new ModelDefinition("claude-sonnet-4-5", "Claude Sonnet 4.5", 64_000, 1_000_000,
                pricing, true, true, List.of("text_generation"), true);

        assertEquals(model, EntityMapping.toModel(EntityMapping.toStored(model)));
    }

    @Test
    void storedProviderOfUnknownTypeIsAnError() {
        ProviderEntity entity = EntityMapping.toEntity(PROVIDER, 0, NOW);
        entity.providerType = "azure";

        assertThrows(IllegalStateException.class, () -> EntityMapping.toDefinition(entity));
    }

    @ParameterizedTest
    @EnumSource(RouteStrategy.class)
    void routeSurvivesTheRoundTripWithWeights(RouteStrategy strategy) {
        RouteDefinition route = new RouteDefinition("balanced", strategy, List.of(
                new Candidate("openai/gpt-4o", 3), new Candidate("anthropic/claude-3-5-sonnet-20241022", 1),
                new Candidate("gemini-1.5-pro", 12)));

        RouteEntity entity = EntityMapping.toEntity(route, NOW);

        assertEquals("openai/gpt-4o*3,anthropic/claude-3-5-sonnet-20241022*1,gemini-1.5-pro*12", entity.candidates);
        assertEquals(strategy.name(), entity.strategy);
        assertEquals(NOW, entity.updatedAt);
        assertEquals(route, EntityMapping.toDefinition(entity));
    }

    @Test
    void storedCandidateWithoutWeightWeighsOne() {
        RouteEntity entity = new RouteEntity();
        entity.name = "smart";
        entity.strategy = "FALLBACK";
        entity.candidates = "openai/gpt-4o,gpt-4";

        assertEquals(List.of(new Candidate("openai/gpt-4o", 1), new Candidate("gpt-4", 1)),
                EntityMapping.toDefinition(entity).candidates());
    }
}
