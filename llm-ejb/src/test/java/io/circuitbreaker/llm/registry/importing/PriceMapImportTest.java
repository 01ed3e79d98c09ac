package io.circuitbreaker.llm.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.CostCalculator;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.catalog.litellm.LiteLlmPriceMapReader;
import io.circuitbreaker.llm.catalog.litellm.PriceMap;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A LiteLLM document, read and merged into the shipped catalog: which provider gets what, and the diff. */
class PriceMapImportTest {

    private static final String DOCUMENT = """
            {
              "sample_spec": {"max_tokens": "LEGACY parameter", "input_cost_per_token": 0.0, "mode": "one of ..."},
              "gpt-4o": {"max_input_tokens": 128000, "max_output_tokens": 16384, "input_cost_per_token": 2.5e-06,
                "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai",
                "mode": "chat", "supports_function_calling": true, "supports_vision": true,
                "supports_prompt_caching": true, "supports_response_schema": true},
              "gpt-9-preview": {"max_input_tokens": 400000, "max_output_tokens": 128000,
                "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05, "litellm_provider": "openai",
                "mode": "chat", "supports_reasoning": true},
              "claude-3-haiku-20240307": {"max_input_tokens": 200000, "max_output_tokens": 4096,
                "input_cost_per_token": 2.5e-07, "output_cost_per_token": 1.25e-06,
                "cache_creation_input_token_cost": 3e-07, "cache_read_input_token_cost": 3e-08,
                "litellm_provider": "anthropic", "mode": "chat", "deprecation_date": "2026-03-01"},
              "gemini/gemini-9-pro": {"max_input_tokens": 1048576, "max_output_tokens": 65536,
                "input_cost_per_token": 1.25e-06, "input_cost_per_token_above_200k_tokens": 2.5e-06,
                "output_cost_per_token": 1e-05, "output_cost_per_token_above_200k_tokens": 1.5e-05,
                "litellm_provider": "gemini", "mode": "chat"},
              "deepseek/deepseek-chat": {"max_input_tokens": 65536, "max_output_tokens": 8192,
                "input_cost_per_token": 2.7e-07, "output_cost_per_token": 1.1e-06, "litellm_provider": "deepseek",
                "mode": "chat"},
              "bedrock/anthropic.claude-v2": {"max_tokens": 8191, "input_cost_per_token": 8e-06,
                "output_cost_per_token": 2.4e-05, "litellm_provider": "bedrock", "mode": "chat"},
              "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation", "input_cost_per_pixel": 2.4414e-07}
            }
            """;

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static List<ProviderDefinition> providers() {
        List<ProviderDefinition> providers = new ArrayList<>(CatalogReader.defaultCatalog());
        providers.add(new ProviderDefinition("deepseek", ProviderType.OPENAI_COMPATIBLE, "DeepSeek",
                "https://api.deepseek.com/v1", "deepseek", List.of()));
        return providers;
    }

    private static CatalogMerge.Result importDocument(List<ProviderDefinition> providers, boolean overwrite) {
        PriceMap map = LiteLlmPriceMapReader.read(DOCUMENT, TODAY);
        PriceMapTargets.Resolved resolved = PriceMapTargets.resolve(providers, map);
        return CatalogMerge.merge(providers, resolved.incoming(), resolved.ignored(),
                new CatalogMerge.Options(overwrite, true));
    }

    @Test
    void eachEntryGoesToTheProvidersOfItsTypeOrOfItsId() {
        CatalogMerge.Result result = importDocument(providers(), false);

        assertEquals(List.of("openai/gpt-9-preview", "google/gemini-9-pro", "deepseek/deepseek-chat"),
                result.diff().added().stream().map(a -> a.providerId() + "/" + a.modelId()).toList());
        assertEquals(List.of("openai/gpt-4o", "anthropic/claude-3-haiku-20240307"),
                result.diff().changed().stream().map(c -> c.providerId() + "/" + c.modelId()).toList());
        Map<String, String> ignored = result.diff().ignored().stream()
                .collect(Collectors.toMap(CatalogDiff.Ignored::entry, CatalogDiff.Ignored::reason));
        assertEquals("LiteLLM's field documentation, not a model", ignored.get("sample_spec"));
        assertEquals("mode image_generation is not served by the gateway", ignored.get("dall-e-3"));
        assertEquals("no configured provider serves litellm_provider bedrock",
                ignored.get("bedrock/anthropic.claude-v2"));
        assertEquals(3, ignored.size());
    }

    @Test
    void theDiffSaysWhichFieldChangedFromWhatToWhat() {
        CatalogMerge.Result result = importDocument(providers(), false);
        CatalogDiff.Changed gpt4o = result.diff().changed().get(0);
        assertEquals(List.of(
                new CatalogDiff.FieldChange("costPerInputToken", "0.000005", "0.0000025"),
                new CatalogDiff.FieldChange("costPerOutputToken", "0.000015", "0.00001"),
                new CatalogDiff.FieldChange("costPerCachedInputToken", null, "0.00000125"),
                new CatalogDiff.FieldChange("capabilities",
                        "text_generation,vision,multimodal,function_calling",
                        "text_generation,vision,multimodal,function_calling,prompt_caching,structured_output")),
                gpt4o.fields());
        CatalogDiff.Changed haiku = result.diff().changed().get(1);
        assertTrue(haiku.fields().contains(new CatalogDiff.FieldChange("deprecated", "false", "true")),
                haiku.fields().toString());
        assertTrue(haiku.fields().contains(new CatalogDiff.FieldChange("costPerCacheWriteInputToken", null,
                "0.0000003")));
    }

    @Test
    void importedPricesAndTheirLongContextBandPriceRequests() {
        CatalogMerge.Result result = importDocument(providers(), false);
        ModelDefinition gemini = result.providers().stream().filter(p -> p.id().equals("google")).findFirst()
                .orElseThrow().model("gemini-9-pro").orElseThrow();
        assertEquals(PriceOrigin.IMPORT, gemini.pricing().origin());
        assertEquals("LiteLLM price map", gemini.pricing().source());
        // 250,000 input tokens: the whole request at the band above 200k
        assertEquals(new BigDecimal("0.64"), CostCalculator.cost(gemini, 250_000, 1_000).orElseThrow().total());
    }

    @Test
    void anOperatorsPriceIsKeptUnlessOverwriteIsAsked() {
        List<ProviderDefinition> providers = providers();
        ProviderDefinition openai = providers.get(0);
        ModelDefinition gpt4o = openai.model("gpt-4o").orElseThrow();
        ModelDefinition negotiated = gpt4o.withPricing(gpt4o.pricing().withOrigin(PriceOrigin.OPERATOR, null, TODAY));
        providers.set(0, new ProviderDefinition(openai.id(), openai.providerType(), openai.name(), openai.baseUrl(),
                openai.apiKeyId(), openai.models().stream().map(m -> m.id().equals("gpt-4o") ? negotiated : m)
                        .toList()));

        CatalogMerge.Result kept = importDocument(providers, false);
        ModelDefinition after = kept.providers().get(0).model("gpt-4o").orElseThrow();
        assertEquals(new BigDecimal("0.000005"), after.costPerInputToken());
        assertTrue(after.hasCapability("prompt_caching"), "capabilities are still taken");
        assertTrue(kept.diff().ignored().stream().anyMatch(i -> i.entry().equals("gpt-4o")
                && i.reason().contains("set by an operator")));

        CatalogMerge.Result overwritten = importDocument(providers, true);
        assertEquals(new BigDecimal("0.0000025"),
                overwritten.providers().get(0).model("gpt-4o").orElseThrow().costPerInputToken());
    }
}
