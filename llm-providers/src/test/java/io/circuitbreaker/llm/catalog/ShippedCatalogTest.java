package io.circuitbreaker.llm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model the gateway ships is well formed, and every one not from the design document says where its prices come from. */
class ShippedCatalogTest {

    /** The design document's eight: their prices are binding and their source is the design itself. */
    private static final Set<String> SEED = Set.of("gpt-4o", "gpt-4", "gpt-3.5-turbo", "claude-3-5-sonnet-20241022",
            "claude-3-haiku-20240307", "gemini-1.5-pro", "gemini-1.5-flash", "gemini-pro");

    static Stream<Object[]> models() {
        return CatalogReader.defaultCatalog().stream()
                .flatMap(p -> p.models().stream().map(m -> new Object[] {p.providerType(), m.id(), m}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void isWellFormedAndPriced(ProviderType type, String id, ModelDefinition model) {
        assertTrue(model.isPriced(), "every shipped model is priced");
        assertTrue(model.maxTokens() <= model.contextWindow(), "output limit within the context window");
        ModelPricing pricing = model.pricing();
        assertEquals(PriceOrigin.CATALOG, pricing.origin());
        for (BigDecimal price : prices(pricing)) {
            assertTrue(price.signum() >= 0);
            assertTrue(price.scale() <= 15, "fits DECIMAL(30,15): " + price);
        }
        if (pricing.longContextAbove() != null) {
            assertTrue(pricing.longContextAbove() < model.contextWindow(), "a band the model can reach");
            assertTrue(pricing.longContext().input().compareTo(pricing.standard().input()) > 0);
        }
        if (type != ProviderType.ANTHROPIC) {
            assertNull(pricing.standard().cacheWrite(), "only Anthropic bills cache writes apart");
        }
        if (model.hasCapability("prompt_caching")) {
            assertNotNull(pricing.standard().cacheRead(), "a caching model states its cache-read price");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void namesTheSourceOfItsPricesAndWhenTheyWereChecked(ProviderType type, String id, ModelDefinition model) {
        if (SEED.contains(id)) {
            assertTrue(model.pricing().source() == null || model.pricing().source().contains("seed"));
            return;
        }
        if (model.pricing().source() == null) {
            // the embedding models of issue 18, priced before sources were recorded
            assertTrue(model.embeddingOnly(), id + " must name its source");
            return;
        }
        assertTrue(model.pricing().source().startsWith("https://"), model.pricing().source());
        assertNotNull(model.pricing().checkedOn(), id + " must say when its prices were checked");
    }

    @org.junit.jupiter.api.Test
    void noProviderListsAModelTwice() {
        for (ProviderDefinition provider : CatalogReader.defaultCatalog()) {
            Set<String> seen = new HashSet<>();
            provider.models().forEach(m -> assertTrue(seen.add(m.id()), provider.id() + " lists " + m.id() + " twice"));
        }
    }

    private static List<BigDecimal> prices(ModelPricing pricing) {
        Stream<TokenRates> bands = pricing.longContext() == null ? Stream.of(pricing.standard())
                : Stream.of(pricing.standard(), pricing.longContext());
        return bands.flatMap(r -> Stream.of(r.input(), r.output(), r.cacheRead(), r.cacheWrite(), r.cacheWriteLong()))
                .filter(java.util.Objects::nonNull).toList();
    }
}
