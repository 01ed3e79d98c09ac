package io.circuitbreaker.llm.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.catalog.TokenRates;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogMergeTest {

    private static final CatalogMerge.Options DEFAULTS = new CatalogMerge.Options(false, true);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static ModelDefinition model(String id, String input, String output, PriceOrigin origin,
            List<String> capabilities) {
        return new ModelDefinition(id, id, 16_384, 128_000, ModelPricing.of(TokenRates.of(
                input == null ? null : new BigDecimal(input), output == null ? null : new BigDecimal(output)),
                origin), true, false, capabilities, false);
    }

    private static ModelDefinition imported(String id, String input, String output) {
        ModelDefinition base = model(id, input, output, PriceOrigin.IMPORT, List.of("text_generation", "vision"));
        return base.withPricing(base.pricing().withOrigin(PriceOrigin.IMPORT, "LiteLLM price map", TODAY));
    }

    private static ProviderDefinition openai(ModelDefinition... models) {
        return new ProviderDefinition("openai", ProviderType.OPENAI, "OpenAI", "https://api.openai.com/v1", "openai",
                List.of(models));
    }

    @Test
    void catalogPricesAreUpdatedFieldByFieldAndNewModelsAdded() {
        ProviderDefinition before = openai(model("gpt-4o", "0.000005", "0.000015", PriceOrigin.CATALOG,
                List.of("text_generation")));
        CatalogMerge.Result result = CatalogMerge.merge(List.of(before), List.of(
                new IncomingModel("openai", "gpt-4o", imported("gpt-4o", "0.0000025", "0.00001")),
                new IncomingModel("openai", "gpt-4.1", imported("gpt-4.1", "0.000002", "0.000008"))),
                List.of(), DEFAULTS);

        CatalogDiff diff = result.diff();
        assertEquals(List.of(new CatalogDiff.Added("openai", "gpt-4.1", "gpt-4.1")), diff.added());
        assertEquals(1, diff.changed().size());
        assertEquals(List.of(
                new CatalogDiff.FieldChange("costPerInputToken", "0.000005", "0.0000025"),
                new CatalogDiff.FieldChange("costPerOutputToken", "0.000015", "0.00001"),
                new CatalogDiff.FieldChange("capabilities", "text_generation", "text_generation,vision")),
                diff.changed().get(0).fields());
        ModelDefinition gpt4o = result.providers().get(0).model("gpt-4o").orElseThrow();
        assertEquals(new BigDecimal("0.0000025"), gpt4o.costPerInputToken());
        assertEquals(PriceOrigin.IMPORT, gpt4o.pricing().origin());
        assertEquals(TODAY, gpt4o.pricing().checkedOn());
        assertEquals(List.of("gpt-4o", "gpt-4.1"),
                result.providers().get(0).models().stream().map(ModelDefinition::id).toList());
        assertEquals(result.providers(), result.changed());
    }

    @Test
    void operatorPricesAreKeptUnlessOverwriteIsAsked() {
        ProviderDefinition before = openai(model("gpt-4o", "0.000004", "0.000012", PriceOrigin.OPERATOR,
                List.of("text_generation", "vision")));
        List<IncomingModel> incoming = List.of(new IncomingModel("openai", "gpt-4o",
                imported("gpt-4o", "0.0000025", "0.00001")));

        CatalogMerge.Result kept = CatalogMerge.merge(List.of(before), incoming, List.of(), DEFAULTS);
        assertTrue(kept.diff().changed().isEmpty());
        assertTrue(kept.changed().isEmpty(), "nothing to store");
        assertTrue(kept.diff().ignored().get(0).reason().contains("set by an operator and are kept"));
        assertEquals(new BigDecimal("0.000004"), kept.providers().get(0).models().get(0).costPerInputToken());

        CatalogMerge.Result replaced = CatalogMerge.merge(List.of(before), incoming, List.of(),
                new CatalogMerge.Options(true, true));
        assertEquals(new BigDecimal("0.0000025"), replaced.providers().get(0).models().get(0).costPerInputToken());
        assertEquals(PriceOrigin.IMPORT, replaced.providers().get(0).models().get(0).pricing().origin());
    }

    @Test
    void anUnpricedOperatorModelTakesTheImportedPrices() {
        ProviderDefinition before = openai(model("gpt-4.1", null, null, PriceOrigin.OPERATOR,
                List.of("text_generation")));
        CatalogMerge.Result result = CatalogMerge.merge(List.of(before),
                List.of(new IncomingModel("openai", "gpt-4.1", imported("gpt-4.1", "0.000002", "0.000008"))),
                List.of(), DEFAULTS);
        assertTrue(result.providers().get(0).models().get(0).isPriced());
    }

    @Test
    void reapplyingTheSameImportChangesNothing() {
        ProviderDefinition before = openai(model("gpt-4o", "0.000005", "0.000015", PriceOrigin.CATALOG,
                List.of("text_generation")));
        List<IncomingModel> incoming = List.of(new IncomingModel("openai", "gpt-4o",
                imported("gpt-4o", "0.0000025", "0.00001")));
        CatalogMerge.Result first = CatalogMerge.merge(List.of(before), incoming, List.of(), DEFAULTS);
        CatalogMerge.Result second = CatalogMerge.merge(first.providers(), incoming, List.of(), DEFAULTS);
        assertTrue(second.diff().isEmpty());
        assertTrue(second.changed().isEmpty());
        assertSame(first.providers().get(0), second.providers().get(0));
    }

    @Test
    void capabilitiesAndFlagsAreOnlyAddedNeverTakenAway() {
        ModelDefinition rich = new ModelDefinition("gpt-4o", "GPT-4o", 16_384, 128_000,
                ModelPricing.of(TokenRates.of(new BigDecimal("0.0000025"), new BigDecimal("0.00001")),
                        PriceOrigin.CATALOG), true, true, List.of("text_generation", "vision", "long_context"), true);
        ModelDefinition poor = new ModelDefinition("gpt-4o", "gpt-4o", 16_384, 128_000,
                ModelPricing.of(TokenRates.of(new BigDecimal("0.0000025"), new BigDecimal("0.00001")),
                        PriceOrigin.IMPORT), true, false, List.of("text_generation"), false);
        CatalogMerge.Result result = CatalogMerge.merge(List.of(openai(rich)),
                List.of(new IncomingModel("openai", "gpt-4o", poor)), List.of(), DEFAULTS);
        assertTrue(result.diff().isEmpty());
        ModelDefinition after = result.providers().get(0).models().get(0);
        assertEquals(rich.capabilities(), after.capabilities());
        assertTrue(after.supportsFunctionCalling());
        assertTrue(after.deprecated());
        assertEquals(PriceOrigin.CATALOG, after.pricing().origin(), "same prices: provenance untouched");
    }

    @Test
    void entriesForUnknownProvidersOrTakenTwiceOrNotToBeAddedAreReported() {
        CatalogMerge.Result result = CatalogMerge.merge(List.of(openai()), List.of(
                new IncomingModel("mistral", "mistral/large", imported("large", "0.000002", "0.000006")),
                new IncomingModel("openai", "gpt-4.1", imported("gpt-4.1", "0.000002", "0.000008")),
                new IncomingModel("openai", "openai/gpt-4.1", imported("gpt-4.1", "0.000003", "0.000008"))),
                List.of(new CatalogDiff.Ignored("dall-e-3", "mode image_generation is not served")),
                DEFAULTS);
        assertEquals(List.of("dall-e-3", "mistral/large", "openai/gpt-4.1"),
                result.diff().ignored().stream().map(CatalogDiff.Ignored::entry).toList());
        assertEquals(new BigDecimal("0.000002"), result.providers().get(0).models().get(0).costPerInputToken());

        CatalogMerge.Result notAdded = CatalogMerge.merge(List.of(openai()),
                List.of(new IncomingModel("openai", "gpt-4.1", imported("gpt-4.1", "0.000002", "0.000008"))),
                List.of(), new CatalogMerge.Options(false, false));
        assertTrue(notAdded.diff().added().isEmpty());
        assertFalse(notAdded.diff().ignored().isEmpty());
    }

    @Test
    void anImportThatWouldGrowAProviderPastTheLimitIsRefusedWhole() {
        List<IncomingModel> many = new ArrayList<>();
        for (int i = 0; i <= CatalogMerge.MAX_MODELS_PER_PROVIDER; i++) {
            many.add(new IncomingModel("openai", "m" + i, imported("m" + i, "0.000001", "0.000002")));
        }
        CatalogFormatException refused = assertThrows(CatalogFormatException.class,
                () -> CatalogMerge.merge(List.of(openai()), many, List.of(), DEFAULTS));
        assertTrue(refused.getMessage().contains("Nothing was changed"));
    }

    @Test
    void aLongContextBandIsReportedAsOneField() {
        ProviderDefinition before = new ProviderDefinition("google", ProviderType.GOOGLE, "Google", null, null,
                List.of(model("gemini-2.5-pro", "0.00000125", "0.00001", PriceOrigin.CATALOG,
                        List.of("text_generation"))));
        ModelDefinition tiered = imported("gemini-2.5-pro", "0.00000125", "0.00001");
        tiered = tiered.withPricing(new ModelPricing(tiered.pricing().standard(), 200_000,
                new TokenRates(new BigDecimal("0.0000025"), new BigDecimal("0.000015"), null, null, null),
                PriceOrigin.IMPORT, "LiteLLM price map", TODAY));
        CatalogMerge.Result result = CatalogMerge.merge(List.of(before),
                List.of(new IncomingModel("google", "gemini/gemini-2.5-pro", tiered)), List.of(), DEFAULTS);
        assertEquals(List.of(new CatalogDiff.FieldChange("longContext", null,
                "above 200000: input 0.0000025 output 0.000015"),
                new CatalogDiff.FieldChange("capabilities", "text_generation", "text_generation,vision")),
                result.diff().changed().get(0).fields());
    }
}
