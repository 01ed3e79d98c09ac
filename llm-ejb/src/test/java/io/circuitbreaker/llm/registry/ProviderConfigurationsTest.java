package io.circuitbreaker.llm.registry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderConfigurationsTest {

    private static final List<ProviderDefinition> CATALOG = CatalogReader.defaultCatalog();

    /** Looks like an OpenAI key; built at run time so no key-shaped literal sits in the sources. */
    private static final String KEY_LIKE = "sk-" + "abcdefghij".repeat(2);

    // ---- the design document's example ----

    /** The design document's configureLlmProvider example: one model of the built-in OpenAI provider. */
    private static ProviderConfiguration designExample(boolean replaceModels) {
        ModelConfiguration gpt4o = new ModelConfiguration("gpt-4o", null, 16384, 128000,
                new BigDecimal("0.000005"), new BigDecimal("0.000015"), null, true, true,
                List.of("text_generation", "vision", "multimodal"));
        return new ProviderConfiguration(null, "openai", "OpenAI", "https://api.openai.com/v1", "openai-key-1",
                List.of(gpt4o), replaceModels);
    }

    @Test
    void designExampleUpdatesTheBuiltInOpenAiProvider() {
        ProviderDefinition result = apply(designExample(false));

        assertAll(
                () -> assertEquals("openai", result.id()),
                () -> assertEquals(ProviderType.OPENAI, result.providerType()),
                () -> assertEquals("OpenAI", result.name()),
                () -> assertEquals("https://api.openai.com/v1", result.baseUrl()),
                () -> assertEquals("openai-key-1", result.apiKeyId()));
    }

    @Test
    void designExampleMergesIntoTheExistingModelsKeepingTheirOrder() {
        ProviderDefinition result = apply(designExample(false));

        assertEquals(CatalogReader.defaultCatalog().get(0).models().stream().map(ModelDefinition::id).toList(),
                modelIds(result));
        assertEquals(catalogModel("openai", "gpt-4"), result.model("gpt-4").orElseThrow());
        assertEquals(catalogModel("openai", "gpt-3.5-turbo"), result.model("gpt-3.5-turbo").orElseThrow());
    }

    @Test
    void designExampleReplacesTheFieldsOfTheGivenModel() {
        ModelDefinition gpt4o = apply(designExample(false)).model("gpt-4o").orElseThrow();

        assertAll(
                () -> assertEquals(16384, gpt4o.maxTokens()),
                () -> assertEquals(128000, gpt4o.contextWindow()),
                () -> assertEquals("0.000005", gpt4o.costPerInputToken().toPlainString()),
                () -> assertEquals("0.000015", gpt4o.costPerOutputToken().toPlainString()),
                () -> assertTrue(gpt4o.supportsStreaming()),
                () -> assertTrue(gpt4o.supportsFunctionCalling()),
                // the given list replaces the stored one (which also had function_calling)
                () -> assertEquals(List.of("text_generation", "vision", "multimodal"), gpt4o.capabilities()),
                // absent in the request: the stored display name stays
                () -> assertEquals("GPT-4o", gpt4o.name()));
    }

    @Test
    void replaceModelsLeavesOnlyTheGivenModels() {
        ProviderDefinition result = apply(designExample(true));

        assertEquals(List.of("gpt-4o"), modelIds(result));
    }

    // ---- provider type, id and base URL ----

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "openai, OPENAI",
            "OpenAI, OPENAI",
            "OPENAI, OPENAI",
            "Anthropic, ANTHROPIC",
            "google, GOOGLE",
            "gemini, GOOGLE",
            "Gemini, GOOGLE",
            "openai_compatible, OPENAI_COMPATIBLE",
            "OpenAI-Compatible, OPENAI_COMPATIBLE"})
    void providerTypeIsReadInAnyCase(String written, ProviderType expected) {
        ProviderConfiguration request = new ProviderConfiguration(null, written, "Custom", "https://llm.example.com/v1",
                null, List.of(newModel("m1")), false);

        assertEquals(expected, apply(request).providerType());
    }

    @Test
    void newProviderGetsAnIdDerivedFromItsNameAndDefaultsForItsModel() {
        ProviderConfiguration request = new ProviderConfiguration(null, "openai_compatible", "My Ollama",
                "http://localhost:11434/v1", null, List.of(newModel("llama3")), false);

        ProviderDefinition result = apply(request);

        assertEquals("my-ollama", result.id());
        assertNull(result.apiKeyId());
        ModelDefinition llama = result.model("llama3").orElseThrow();
        assertAll(
                () -> assertEquals("llama3", llama.name()),
                () -> assertEquals(4096, llama.maxTokens()),
                () -> assertTrue(llama.supportsStreaming()),
                () -> assertFalse(llama.supportsFunctionCalling()),
                () -> assertEquals(List.of("text_generation"), llama.capabilities()),
                () -> assertFalse(llama.isPriced(), "no prices given: unpriced, not free"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
            "My Ollama, my-ollama",
            "'  Groq (fast)  ', groq-fast",
            "vLLM on gpu-01.internal, vllm-on-gpu-01.internal",
            "!!!, provider"})
    void slugIsSafeInProviderModelReferences(String name, String slug) {
        assertEquals(slug, ProviderConfigurations.slug(name.trim()));
    }

    @Test
    void openaiCompatibleWithoutBaseUrlIsRejected() {
        ProviderConfiguration request = new ProviderConfiguration(null, "openai_compatible", "My Ollama", null, null,
                List.of(newModel("llama3")), false);

        InvalidConfigurationException e = rejected(request);

        assertEquals(List.of("baseUrl is required for providerType openai_compatible"), e.problems());
    }

    @Test
    void absentBaseUrlOfABuiltInTypeTakesTheCatalogDefault() {
        ProviderConfiguration request = new ProviderConfiguration(null, "anthropic", "Anthropic EU", null, null,
                List.of(newModel("claude-eu")), false);

        ProviderDefinition result = apply(request);

        assertEquals("anthropic-eu", result.id());
        assertEquals("https://api.anthropic.com", result.baseUrl());
    }

    @Test
    void trailingSlashOfTheBaseUrlIsDropped() {
        ProviderConfiguration request = new ProviderConfiguration(null, "openai_compatible", "Local",
                "http://localhost:8000/v1/", null, List.of(newModel("m1")), false);

        assertEquals("http://localhost:8000/v1", apply(request).baseUrl());
    }

    @Test
    void absentApiKeyIdKeepsTheStoredOne() {
        ProviderConfiguration request = new ProviderConfiguration(null, "openai", "OpenAI", null, null, List.of(),
                false);

        ProviderDefinition result = apply(request);

        assertEquals("openai", result.apiKeyId());
        assertEquals(catalogProvider("openai").models(), result.models());
    }

    // ---- rejections ----

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("unknown providerType",
                        provider(null, "azure", "OpenAI", null, null, newModel("m1")),
                        "unknown providerType \"azure\""),
                Arguments.of("blank name",
                        provider(null, "openai", "   ", null, null, newModel("m1")),
                        "name must have 1 to 128 characters"),
                Arguments.of("id with a '/'",
                        provider("my/provider", "openai", "OpenAI", null, null, newModel("m1")),
                        "id must be 1 to 64 letters"),
                Arguments.of("negative price",
                        provider(null, "openai", "OpenAI", null, null,
                                model("gpt-4o", null, null, new BigDecimal("-0.000001"), null)),
                        "models[0].costPerInputToken must not be negative"),
                Arguments.of("16 decimal places",
                        provider(null, "openai", "OpenAI", null, null,
                                model("gpt-4o", null, null, null, new BigDecimal("0.0000000000000001"))),
                        "models[0].costPerOutputToken has more than 15 decimal places"),
                Arguments.of("maxTokens above contextWindow",
                        provider(null, "openai", "OpenAI", null, null, model("gpt-4o", 9000, 8192, null, null)),
                        "models[0].maxTokens (9000) must not exceed contextWindow (8192)"),
                Arguments.of("maxTokens above the stored contextWindow",
                        provider(null, "openai", "OpenAI", null, null, model("gpt-4", 10000, null, null, null)),
                        "models[0].maxTokens (10000) must not exceed contextWindow (8192)"),
                Arguments.of("new model without contextWindow",
                        provider(null, "openai", "OpenAI", null, null, model("gpt-5", null, null, null, null)),
                        "models[0].contextWindow is required for a new model"),
                Arguments.of("the same model twice",
                        provider(null, "openai", "OpenAI", null, null, newModel("m1"), newModel("m1")),
                        "models[1].id \"m1\" appears twice"),
                Arguments.of("blank model id",
                        provider(null, "openai", "OpenAI", null, null, newModel(" ")),
                        "models[0].id must have 1 to 256 characters"),
                Arguments.of("ftp baseUrl",
                        provider(null, "openai", "OpenAI", "ftp://files.example.com/v1", null),
                        "baseUrl must be an absolute http or https URL"),
                Arguments.of("relative baseUrl",
                        provider(null, "openai", "OpenAI", "/v1", null),
                        "baseUrl must be an absolute http or https URL"),
                Arguments.of("baseUrl carrying a key",
                        provider(null, "google", "Google Gemini",
                                "https://generativelanguage.googleapis.com/v1beta?key=" + "AbCdEf0123".repeat(3),
                                null),
                        "baseUrl must not carry an API key"),
                Arguments.of("apiKeyId that is a key",
                        provider(null, "openai", "OpenAI", null, KEY_LIKE),
                        "apiKeyId looks like an API key itself"),
                Arguments.of("apiKeyId with a space",
                        provider(null, "openai", "OpenAI", null, "my key"),
                        "apiKeyId must be 1 to 128 letters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedNamingTheField(String label, ProviderConfiguration request, String problem) {
        InvalidConfigurationException e = rejected(request);

        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.problems().get(0).startsWith(problem), () -> "problem: " + e.problems().get(0));
        assertEquals(e.problems().get(0), e.getMessage());
    }

    @Test
    void severalProblemsAreReportedTogether() {
        ProviderConfiguration request = provider(null, "azure", "", "ftp://x", null,
                model("m1", null, null, new BigDecimal("-1"), null));

        InvalidConfigurationException e = rejected(request);

        assertEquals(5, e.problems().size(), () -> "problems: " + e.problems());
        assertAll(
                () -> assertTrue(e.problems().get(0).startsWith("unknown providerType")),
                () -> assertTrue(e.problems().get(1).startsWith("name ")),
                () -> assertTrue(e.problems().get(2).startsWith("baseUrl ")),
                () -> assertTrue(e.problems().get(3).startsWith("models[0].contextWindow ")),
                () -> assertTrue(e.problems().get(4).startsWith("models[0].costPerInputToken ")),
                () -> assertEquals(String.join("; ", e.problems()), e.getMessage()));
    }

    @Test
    void rejectionNeverRepeatsAKeyThatWasSent() {
        ProviderConfiguration request = new ProviderConfiguration(null, KEY_LIKE, "OpenAI",
                "https://api.openai.com/v1?api_key=" + KEY_LIKE, KEY_LIKE, List.of(newModel(KEY_LIKE),
                        newModel(KEY_LIKE)), false);

        InvalidConfigurationException e = rejected(request);

        assertFalse(e.getMessage().contains(KEY_LIKE), e.getMessage());
        assertTrue(e.getMessage().contains("unknown providerType \"[REDACTED]\""), e.getMessage());
        assertTrue(e.getMessage().contains("models[1].id \"[REDACTED]\" appears twice"), e.getMessage());
    }

    // ---- prices and merging ----

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "0.000000075, 0.000000075",
            "0.000005, 0.000005",
            "0.000005000, 0.000005",
            "0.000000000000001, 0.000000000000001",
            "10.000, 10",
            "0, 0"})
    void pricesComeBackExact(String sent, String stored) {
        ProviderConfiguration request = provider(null, "openai", "OpenAI", null, null,
                model("gpt-4o", null, null, new BigDecimal(sent), null));

        BigDecimal price = apply(request).model("gpt-4o").orElseThrow().costPerInputToken();

        assertEquals(0, price.compareTo(new BigDecimal(sent)));
        assertEquals(stored, price.toPlainString());
        assertEquals(new BigDecimal(stored), price, "same value and same scale");
    }

    @Test
    void smallestCatalogPriceKeepsAllItsDigits() {
        BigDecimal price = apply(provider(null, "openai", "OpenAI", null, null,
                model("gpt-4o", null, null, new BigDecimal("0.000000075"), null)))
                .model("gpt-4o").orElseThrow().costPerInputToken();

        assertEquals(9, price.scale());
        assertEquals("0.000000075", price.toPlainString());
    }

    @Test
    void absentModelFieldsKeepTheStoredValues() {
        ProviderConfiguration request = provider(null, "openai", "OpenAI", null, null,
                model("gpt-4", null, null, new BigDecimal("0.00003"), null));

        ModelDefinition updated = apply(request).model("gpt-4").orElseThrow();
        ModelDefinition stored = catalogModel("openai", "gpt-4");

        assertEquals(stored, updated);
    }

    /** A price-map import leaves an operator's prices alone: a changed price must say it is the operator's. */
    @Test
    void aChangedPriceIsTheOperatorsAndCacheWritePricesAndDeprecationAreTaken() {
        ProviderConfiguration request = provider(null, "anthropic", "Anthropic", null, null,
                new ModelConfiguration("claude-3-haiku-20240307", null, null, null, new BigDecimal("0.0000002"),
                        null, null, null, null, null, new BigDecimal("0.0000003"), new BigDecimal("0.0000005"),
                        true));

        ModelDefinition updated = apply(request).model("claude-3-haiku-20240307").orElseThrow();

        assertEquals(PriceOrigin.OPERATOR, updated.pricing().origin());
        assertEquals(new BigDecimal("0.0000002"), updated.costPerInputToken());
        assertEquals(new BigDecimal("0.00000125"), updated.costPerOutputToken(), "absent: the stored price");
        assertEquals(new BigDecimal("0.0000003"), updated.pricing().standard().cacheWrite());
        assertEquals(new BigDecimal("0.0000005"), updated.pricing().standard().cacheWriteLong());
        assertTrue(updated.deprecated());
    }

    @Test
    void modelNamingOnlyItsIdIsUnchanged() {
        ModelDefinition updated = apply(provider(null, "openai", "OpenAI", null, null,
                model("gpt-3.5-turbo", null, null, null, null))).model("gpt-3.5-turbo").orElseThrow();

        assertEquals(catalogModel("openai", "gpt-3.5-turbo"), updated);
    }

    @Test
    void givenPriceReplacesOnlyThatPrice() {
        ModelDefinition updated = apply(provider(null, "openai", "OpenAI", null, null,
                model("gpt-4", null, null, null, new BigDecimal("0.00007")))).model("gpt-4").orElseThrow();
        ModelDefinition stored = catalogModel("openai", "gpt-4");

        assertEquals("0.00007", updated.costPerOutputToken().toPlainString());
        assertEquals(stored.costPerInputToken(), updated.costPerInputToken());
        assertEquals(stored.maxTokens(), updated.maxTokens());
        assertEquals(stored.capabilities(), updated.capabilities());
    }

    // ---- helpers ----

    private static ProviderDefinition apply(ProviderConfiguration request) {
        return ProviderConfigurations.apply(request, CATALOG, CATALOG);
    }

    private static InvalidConfigurationException rejected(ProviderConfiguration request) {
        return assertThrows(InvalidConfigurationException.class, () -> apply(request));
    }

    private static ProviderConfiguration provider(String id, String type, String name, String baseUrl,
            String apiKeyId, ModelConfiguration... models) {
        return new ProviderConfiguration(id, type, name, baseUrl, apiKeyId, List.of(models), false);
    }

    /** A model that is valid whether new or not: it names its context window. */
    private static ModelConfiguration newModel(String id) {
        return model(id, null, 8192, null, null);
    }

    private static ModelConfiguration model(String id, Integer maxTokens, Integer contextWindow, BigDecimal input,
            BigDecimal output) {
        return new ModelConfiguration(id, null, maxTokens, contextWindow, input, output, null, null, null, null);
    }

    private static List<String> modelIds(ProviderDefinition provider) {
        return provider.models().stream().map(ModelDefinition::id).toList();
    }

    private static ProviderDefinition catalogProvider(String id) {
        return CATALOG.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static ModelDefinition catalogModel(String providerId, String modelId) {
        return catalogProvider(providerId).model(modelId).orElseThrow();
    }
}
