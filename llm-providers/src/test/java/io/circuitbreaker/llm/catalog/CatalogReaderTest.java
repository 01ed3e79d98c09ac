package io.circuitbreaker.llm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.spi.ProviderType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogReaderTest {

    private static final Map<String, ModelDefinition> MODELS = CatalogReader.defaultCatalog().stream()
            .flatMap(p -> p.models().stream())
            .collect(Collectors.toMap(ModelDefinition::id, Function.identity()));

    @Test
    void defaultCatalogHasTheDesignDocumentsThreeProvidersAndEightModels() {
        List<ProviderDefinition> providers = CatalogReader.defaultCatalog();
        assertEquals(List.of(ProviderType.OPENAI, ProviderType.ANTHROPIC, ProviderType.GOOGLE),
                providers.stream().map(ProviderDefinition::providerType).toList());
        // the design document's eight chat models lead their providers' lists, in the design's order; today's
        // models (issue 22) and the embedding models (issue 18) follow
        assertEquals(List.of("gpt-4o", "gpt-4", "gpt-3.5-turbo"), ids(providers.get(0)).subList(0, 3));
        assertEquals(List.of("claude-3-5-sonnet-20241022", "claude-3-haiku-20240307"),
                ids(providers.get(1)).subList(0, 2));
        assertEquals(List.of("gemini-1.5-pro", "gemini-1.5-flash", "gemini-pro"), ids(providers.get(2)).subList(0, 3));
    }

    private static List<String> ids(ProviderDefinition provider) {
        return provider.models().stream().map(ModelDefinition::id).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-4o,                     0.000005,    0.000015,   128000",
        "gpt-4,                      0.00003,     0.00006,    8192",
        "gpt-3.5-turbo,              0.000001,    0.000002,   16385",
        "gemini-1.5-pro,             0.0000035,   0.0000105,  2097152",
        "gemini-1.5-flash,           0.000000075, 0.0000003,  1048576",
        "gemini-pro,                 0.0000005,   0.0000015,  32760",
        "claude-3-5-sonnet-20241022, 0.000003,    0.000015,   200000",
        "claude-3-haiku-20240307,    0.00000025,  0.00000125, 200000"
    })
    void pricesAreExactDecimalsFromTheDesignDocument(String id, String input, String output, int context) {
        ModelDefinition model = MODELS.get(id);
        // equals (not compareTo): scale must also match, so 0.000005 is not 0.0000050000001 or 5.0E-6 from a double
        assertEquals(new BigDecimal(input), model.costPerInputToken());
        assertEquals(new BigDecimal(output), model.costPerOutputToken());
        assertEquals(context, model.contextWindow());
        assertTrue(model.isPriced());
    }

    @Test
    void gpt4oIsTheVisionModelOfTheSeedExample() {
        ModelDefinition gpt4o = MODELS.get("gpt-4o");
        assertEquals("GPT-4o", gpt4o.name());
        assertEquals(16384, gpt4o.maxTokens());
        assertTrue(gpt4o.hasCapability("vision"));
        assertTrue(gpt4o.supportsFunctionCalling());
    }

    @Test
    void rejectsNegativePrice() {
        String json = """
                {"providers":[{"id":"x","providerType":"openai","models":[
                  {"id":"m","maxTokens":1,"contextWindow":1,"costPerInputToken":-0.1,"costPerOutputToken":0}]}]}
                """;
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains("costPerInputToken must not be negative"), e.getMessage());
    }

    @Test
    void rejectsUnknownProviderType() {
        String json = "{\"providers\":[{\"id\":\"x\",\"providerType\":\"skynet\"}]}";
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains("unknown providerType skynet"), e.getMessage());
    }

    @Test
    void rejectsDuplicateProviderIds() {
        String json = "{\"providers\":[{\"id\":\"x\",\"providerType\":\"openai\"},{\"id\":\"x\",\"providerType\":\"google\"}]}";
        assertThrows(CatalogFormatException.class, () -> read(json));
    }

    @Test
    void rejectsMalformedJson() {
        assertThrows(CatalogFormatException.class, () -> read("{\"providers\": [ "));
    }

    @Test
    void missingPriceMeansUnpricedNotZero() {
        String json = """
                {"providers":[{"id":"x","providerType":"openai_compatible","models":[
                  {"id":"llama3","maxTokens":2048,"contextWindow":8192}]}]}
                """;
        ModelDefinition model = read(json).get(0).models().get(0);
        assertEquals(null, model.costPerInputToken());
        assertTrue(!model.isPriced());
    }

    private static List<ProviderDefinition> read(String json) {
        return CatalogReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
