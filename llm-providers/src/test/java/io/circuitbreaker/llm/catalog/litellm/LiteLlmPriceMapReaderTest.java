package io.circuitbreaker.llm.catalog.litellm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiteLlmPriceMapReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final String SAMPLE = "/io/circuitbreaker/llm/catalog/litellm/model_prices_sample.json";

    // ---- the sample file in LiteLLM's real format ------------------------------------------------------------

    @Test
    void sampleKeepsChatAndEmbeddingEntriesInDocumentOrder() {
        PriceMap map = sample();

        assertEquals(List.of("gpt-4o", "claude-3-5-sonnet-20241022", "claude-sonnet-4-5", "claude-opus-4-1-20250805",
                "gemini/gemini-2.5-pro", "vertex_ai/claude-3-5-haiku", "text-embedding-3-small",
                "volcengine/doubao-seed-2-0-mini-260215"),
                map.entries().stream().map(PriceMapEntry::key).toList());
        assertEquals(List.of("gpt-4o", "claude-3-5-sonnet-20241022", "claude-sonnet-4-5", "claude-opus-4-1-20250805",
                "gemini-2.5-pro", "vertex_ai/claude-3-5-haiku", "text-embedding-3-small",
                "doubao-seed-2-0-mini-260215"),
                map.entries().stream().map(PriceMapEntry::modelId).toList());
    }

    @Test
    void sampleListsEveryOtherEntryWithItsReason() {
        Map<String, String> ignored = sample().ignored().stream()
                .collect(Collectors.toMap(PriceMapIgnored::key, PriceMapIgnored::reason, (a, b) -> a,
                        LinkedHashMap::new));

        assertEquals(List.of("sample_spec", "standard/1024-x-1024/dall-e-3", "gpt-3.5-turbo-instruct",
                "gpt-4o-mini-realtime-preview"), List.copyOf(ignored.keySet()));
        assertEquals("LiteLLM's field documentation, not a model", ignored.get("sample_spec"));
        assertEquals("mode image_generation is not served by the gateway",
                ignored.get("standard/1024-x-1024/dall-e-3"));
        assertEquals("mode completion is not served by the gateway", ignored.get("gpt-3.5-turbo-instruct"));
        assertEquals("mode realtime is not served by the gateway", ignored.get("gpt-4o-mini-realtime-preview"));
    }

    @Test
    void gpt4o() {
        PriceMapEntry entry = entry(sample(), "gpt-4o");
        ModelDefinition model = entry.model();

        assertEquals("openai", entry.litellmProvider());
        assertEquals("gpt-4o", model.id());
        assertEquals("gpt-4o", model.name());
        assertEquals(128000, model.contextWindow());
        assertEquals(16384, model.maxTokens());
        TokenRates rates = model.pricing().standard();
        assertPrice("0.0000025", rates.input());
        assertPrice("0.00001", rates.output());
        assertPrice("0.00000125", rates.cacheRead());
        assertNull(rates.cacheWrite());
        assertNull(rates.cacheWriteLong());
        assertNull(model.pricing().longContextAbove());
        assertNull(model.pricing().longContext());
        assertTrue(model.supportsStreaming());
        assertTrue(model.supportsFunctionCalling());
        assertEquals(List.of("text_generation", "vision", "function_calling", "prompt_caching", "structured_output",
                "multimodal"), model.capabilities());
        assertFalse(model.deprecated());
        assertTrue(model.isPriced());
    }

    @Test
    void importedPricesSayWhereAndWhenTheyWereRead() {
        ModelPricing pricing = entry(sample(), "gpt-4o").model().pricing();

        assertEquals(PriceOrigin.IMPORT, pricing.origin());
        assertEquals("LiteLLM price map", pricing.source());
        assertEquals(TODAY, pricing.checkedOn());
    }

    @Test
    void claudeSonnet45HasCacheWritesAndALongContextBandAbove200k() {
        ModelDefinition model = entry(sample(), "claude-sonnet-4-5").model();

        TokenRates standard = model.pricing().standard();
        assertPrice("0.000003", standard.input());
        assertPrice("0.000015", standard.output());
        assertPrice("0.0000003", standard.cacheRead());
        assertPrice("0.00000375", standard.cacheWrite());
        assertPrice("0.000006", standard.cacheWriteLong());
        assertEquals(200000, model.pricing().longContextAbove());
        TokenRates longContext = model.pricing().longContext();
        assertPrice("0.000006", longContext.input());
        assertPrice("0.0000225", longContext.output());
        assertPrice("0.0000006", longContext.cacheRead());
        assertPrice("0.0000075", longContext.cacheWrite());
        assertPrice("0.000012", longContext.cacheWriteLong());
        assertEquals(200000, model.contextWindow());
        assertEquals(64000, model.maxTokens());
        assertEquals(List.of("text_generation", "vision", "function_calling", "reasoning", "prompt_caching",
                "structured_output", "multimodal"), model.capabilities());
    }

    @Test
    void geminiKeyLosesItsProviderPrefixAndKeepsItsLongContextBand() {
        PriceMapEntry entry = entry(sample(), "gemini/gemini-2.5-pro");
        ModelDefinition model = entry.model();

        assertEquals("gemini", entry.litellmProvider());
        assertEquals("gemini-2.5-pro", entry.modelId());
        assertEquals("gemini-2.5-pro", model.id());
        assertEquals("gemini-2.5-pro", model.name());
        assertEquals(1048576, model.contextWindow());
        assertEquals(65535, model.maxTokens());
        assertPrice("0.00000125", model.costPerInputToken());
        assertPrice("0.00001", model.costPerOutputToken());
        assertPrice("0.000000125", model.costPerCachedInputToken());
        assertEquals(200000, model.pricing().longContextAbove());
        TokenRates longContext = model.pricing().longContext();
        assertPrice("0.0000025", longContext.input());
        assertPrice("0.000015", longContext.output());
        assertPrice("0.00000025", longContext.cacheRead());
        assertNull(longContext.cacheWrite());
        assertNull(longContext.cacheWriteLong());
        assertEquals(List.of("text_generation", "vision", "function_calling", "reasoning", "prompt_caching",
                "structured_output", "multimodal"), model.capabilities());
    }

    @Test
    void aKeyPrefixThatIsNotTheProviderStays() {
        PriceMapEntry entry = entry(sample(), "vertex_ai/claude-3-5-haiku");

        assertEquals("vertex_ai-anthropic_models", entry.litellmProvider());
        assertEquals("vertex_ai/claude-3-5-haiku", entry.modelId());
        assertEquals("vertex_ai/claude-3-5-haiku", entry.model().id());
        assertEquals(List.of("text_generation", "function_calling", "multimodal"), entry.model().capabilities());
    }

    @Test
    void embeddingModelFollowsTheCatalogConvention() {
        ModelDefinition model = entry(sample(), "text-embedding-3-small").model();

        assertEquals(8191, model.contextWindow());
        assertEquals(1, model.maxTokens());
        assertPrice("0.00000002", model.costPerInputToken());
        assertPrice("0", model.costPerOutputToken());
        assertFalse(model.supportsStreaming());
        assertFalse(model.supportsFunctionCalling());
        assertEquals(List.of("embeddings"), model.capabilities());
        assertTrue(model.embeddingOnly());
    }

    @Test
    void deprecationDateInThePastDeprecatesAndInTheFutureDoesNot() {
        PriceMap map = sample();

        assertTrue(entry(map, "claude-3-5-sonnet-20241022").model().deprecated());
        assertFalse(entry(map, "claude-opus-4-1-20250805").model().deprecated());
    }

    @Test
    void chatEntryWithOnlyTieredPricingIsKeptUnpriced() {
        ModelDefinition model = entry(sample(), "volcengine/doubao-seed-2-0-mini-260215").model();

        assertFalse(model.isPriced());
        assertNull(model.costPerInputToken());
        assertNull(model.pricing().longContextAbove());
        assertEquals(256000, model.contextWindow());
    }

    @Test
    void streamAndTextGiveTheSameMap() throws IOException {
        String text;
        try (InputStream in = sampleStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(sample(), LiteLlmPriceMapReader.read(text, TODAY));
    }

    // ---- the rules, one at a time ----------------------------------------------------------------------------

    @Test
    void pricesKeepTheirExactDecimalInPlainForm() {
        PriceMap map = read("{\"a\": " + chat("\"input_cost_per_token\": 5e-10, \"output_cost_per_token\": 1E+1,"
                + " \"cache_read_input_token_cost\": 0.0000100, \"cache_creation_input_token_cost\": 0,"
                + " \"cache_creation_input_token_cost_above_1hr\": 3.3333333333333335e-07") + "}");
        TokenRates rates = map.entries().get(0).model().pricing().standard();

        assertPrice("0.0000000005", rates.input());
        assertPrice("10", rates.output());
        assertPrice("0.00001", rates.cacheRead());
        assertPrice("0", rates.cacheWrite());
        assertPrice("0.00000033333333333333335", rates.cacheWriteLong());
    }

    @Test
    void severalLongContextThresholdsUseTheSmallest() {
        PriceMap map = read("{\"a\": " + chat("\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,"
                + " \"input_cost_per_token_above_200k_tokens\": 4e-06, \"output_cost_per_token_above_200k_tokens\": 8e-06,"
                + " \"input_cost_per_token_above_128k_tokens\": 2e-06,"
                + " \"cache_read_input_token_cost_above_128k_tokens\": 5e-07") + "}");
        ModelPricing pricing = map.entries().get(0).model().pricing();

        assertEquals(128000, pricing.longContextAbove());
        assertPrice("0.000002", pricing.longContext().input());
        assertNull(pricing.longContext().output());
        assertPrice("0.0000005", pricing.longContext().cacheRead());
        assertNull(pricing.longContext().cacheWrite());
        assertNull(pricing.longContext().cacheWriteLong());
    }

    @Test
    void lookAlikeTierFieldsAreNotLongContextPrices() {
        PriceMap map = read("{\"a\": " + chat("\"input_cost_per_token\": 1e-06,"
                + " \"input_cost_per_token_above_200k_tokens_priority\": 4e-06,"
                + " \"cache_creation_input_token_cost_above_1hr\": 6e-06") + "}");
        ModelPricing pricing = map.entries().get(0).model().pricing();

        assertNull(pricing.longContextAbove());
        assertNull(pricing.longContext());
        assertPrice("0.000006", pricing.standard().cacheWriteLong());
    }

    /** Claude Sonnet 4.5's entry: its 1-hour cache writes have their own long-context price. */
    @Test
    void oneHourCacheWritesHaveALongContextPriceToo() {
        PriceMap map = read("{\"a\": " + chat("\"input_cost_per_token\": 3e-06,"
                + " \"input_cost_per_token_above_200k_tokens\": 6e-06,"
                + " \"cache_creation_input_token_cost_above_1hr_above_200k_tokens\": 1.2e-05,"
                + " \"cache_creation_input_token_cost_above_1hr\": 6e-06") + "}");
        ModelPricing pricing = map.entries().get(0).model().pricing();

        assertEquals(200000, pricing.longContextAbove());
        assertPrice("0.000006", pricing.longContext().input());
        assertPrice("0.000012", pricing.longContext().cacheWriteLong());
        assertPrice("0.000006", pricing.standard().cacheWriteLong());
    }

    @Test
    void contextWindowFallsBackToMaxTokens() {
        ModelDefinition model = only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_tokens\": 4096}}");

        assertEquals(4096, model.contextWindow());
        assertEquals(4096, model.maxTokens());
    }

    @Test
    void outputLimitFallsBackToMaxTokensThenToTheContextWindow() {
        assertEquals(2048, only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_input_tokens\": 8192, \"max_tokens\": 2048}}").maxTokens());
        assertEquals(8192, only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_input_tokens\": 8192}}").maxTokens());
    }

    @Test
    void chatOutputLimitIsCappedAtTheContextWindow() {
        ModelDefinition model = only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_input_tokens\": 4096, \"max_output_tokens\": 8192, \"max_tokens\": 8192}}");

        assertEquals(4096, model.contextWindow());
        assertEquals(4096, model.maxTokens());
    }

    @Test
    void embeddingWithoutOutputPriceGetsZeroAndAlwaysMaxTokensOne() {
        ModelDefinition model = only("{\"e\": {\"litellm_provider\": \"cohere\", \"mode\": \"embedding\","
                + " \"input_cost_per_token\": 1e-07, \"max_input_tokens\": 512, \"max_output_tokens\": 1024}}");

        assertPrice("0", model.costPerOutputToken());
        assertEquals(1, model.maxTokens());
        assertEquals(512, model.contextWindow());
        assertTrue(model.isPriced());
    }

    @Test
    void embeddingWithAnOutputPriceKeepsIt() {
        ModelDefinition model = only("{\"e\": {\"litellm_provider\": \"cohere\", \"mode\": \"embedding\","
                + " \"input_cost_per_token\": 1e-07, \"output_cost_per_token\": 2e-07, \"max_tokens\": 512}}");

        assertPrice("0.0000002", model.costPerOutputToken());
    }

    @Test
    void multimodalComesOnceFromPdfAudioOrVision() {
        assertEquals(List.of("text_generation", "multimodal"),
                only("{\"a\": " + chat("\"supports_pdf_input\": true") + "}").capabilities());
        assertEquals(List.of("text_generation", "multimodal"),
                only("{\"a\": " + chat("\"supports_audio_input\": true") + "}").capabilities());
        assertEquals(List.of("text_generation", "vision", "multimodal"), only("{\"a\": " + chat(
                "\"supports_vision\": true, \"supports_pdf_input\": true, \"supports_audio_input\": true") + "}")
                .capabilities());
        assertEquals(List.of("text_generation"), only("{\"a\": " + chat("\"supports_vision\": false,"
                + " \"supports_function_calling\": false, \"supports_reasoning\": false") + "}").capabilities());
    }

    @Test
    void deprecatedFromItsDeprecationDateOn() {
        assertTrue(only("{\"a\": " + chat("\"deprecation_date\": \"2026-01-15\"") + "}").deprecated());
        assertFalse(only("{\"a\": " + chat("\"deprecation_date\": \"2026-01-16\"") + "}").deprecated());
        assertFalse(only("{\"a\": " + chat("") + "}").deprecated());
    }

    @Test
    void providerPrefixIsRemovedOnlyForTheEntrysOwnProvider() {
        PriceMap map = read("{\"gemini/gemini-x\": {\"litellm_provider\": \"vertex_ai\", \"mode\": \"chat\","
                + " \"max_tokens\": 10}, \"deepseek/deepseek-chat\": {\"litellm_provider\": \"deepseek\","
                + " \"mode\": \"chat\", \"max_tokens\": 10}, \"openai/gpt-4o\": {\"litellm_provider\": \"openai\","
                + " \"mode\": \"chat\", \"max_tokens\": 10}}");

        assertEquals(List.of("gemini/gemini-x", "deepseek-chat", "gpt-4o"),
                map.entries().stream().map(e -> e.model().id()).toList());
    }

    @Test
    void entriesWithoutWhatTheGatewayNeedsAreIgnoredWithAReason() {
        PriceMap map = read("{"
                + "\"no-mode\": {\"litellm_provider\": \"openai\", \"max_tokens\": 10},"
                + "\"no-provider\": {\"mode\": \"chat\", \"max_tokens\": 10},"
                + "\"blank-provider\": {\"litellm_provider\": \" \", \"mode\": \"chat\", \"max_tokens\": 10},"
                + "\"no-context\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"max_output_tokens\": 10},"
                + "\"embedding-no-context\": {\"litellm_provider\": \"openai\", \"mode\": \"embedding\"},"
                + "\"rerank\": {\"litellm_provider\": \"cohere\", \"mode\": \"rerank\"},"
                + "\"openai/\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"max_tokens\": 10}"
                + "}");

        assertTrue(map.entries().isEmpty());
        assertEquals(List.of(
                new PriceMapIgnored("no-mode", "no mode"),
                new PriceMapIgnored("no-provider", "no litellm_provider"),
                new PriceMapIgnored("blank-provider", "no litellm_provider"),
                new PriceMapIgnored("no-context",
                        "chat model without a context window (no max_input_tokens or max_tokens)"),
                new PriceMapIgnored("embedding-no-context",
                        "embedding model without a context window (no max_input_tokens or max_tokens)"),
                new PriceMapIgnored("rerank", "mode rerank is not served by the gateway"),
                new PriceMapIgnored("openai/", "no model id after the litellm_provider prefix")), map.ignored());
    }

    @Test
    void fieldsOfIgnoredEntriesOtherThanModeAndProviderAreNotRead() {
        PriceMap map = read("{\"img\": {\"litellm_provider\": \"openai\", \"mode\": \"image_generation\","
                + " \"input_cost_per_token\": \"per image\", \"max_tokens\": -1, \"supports_vision\": \"yes\"},"
                + " \"a\": " + chat("") + "}");

        assertEquals(1, map.entries().size());
        assertEquals(List.of(new PriceMapIgnored("img", "mode image_generation is not served by the gateway")),
                map.ignored());
    }

    @Test
    void nullFieldsCountAsAbsentAndUnknownFieldsAreIgnored() {
        ModelDefinition model = only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_input_tokens\": 1000, \"max_output_tokens\": null, \"input_cost_per_token\": null,"
                + " \"supports_vision\": null, \"deprecation_date\": null, \"brand_new_field\": {\"x\": [1, \"y\"]},"
                + " \"supports_something_new\": \"maybe\"}}");

        assertEquals(1000, model.maxTokens());
        assertNull(model.costPerInputToken());
        assertEquals(List.of("text_generation"), model.capabilities());
        assertFalse(model.deprecated());
    }

    @Test
    void wholeNumberTokenLimitsWrittenAsDecimalsAreAccepted() {
        ModelDefinition model = only("{\"a\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"max_input_tokens\": 32000.0, \"max_output_tokens\": 1e3}}");

        assertEquals(32000, model.contextWindow());
        assertEquals(1000, model.maxTokens());
    }

    @Test
    void aDocumentOfOnlyIgnoredEntriesIsValid() {
        PriceMap map = read("{\"sample_spec\": {}, \"img\": {\"litellm_provider\": \"openai\","
                + " \"mode\": \"image_generation\"}}");

        assertTrue(map.entries().isEmpty());
        assertEquals(2, map.ignored().size());
    }

    @Test
    void aStreamInUtf16IsRead() {
        byte[] utf16 = ("{\"a\": " + chat("") + "}").getBytes(StandardCharsets.UTF_16BE);

        PriceMap map = LiteLlmPriceMapReader.read(new ByteArrayInputStream(utf16), TODAY);

        assertEquals("a", map.entries().get(0).modelId());
    }

    @Test
    void aDocumentOfExactlyMaxBytesIsAccepted() {
        String json = padded("{\"a\": " + chat("") + "}", LiteLlmPriceMapReader.MAX_BYTES);

        assertEquals(1, LiteLlmPriceMapReader.read(json, TODAY).entries().size());
        assertEquals(1, LiteLlmPriceMapReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TODAY).entries().size());
    }

    @Test
    void sizeIsCountedInBytesNotCharacters() {
        // 'é' is one char but two UTF-8 bytes: the text is MAX_BYTES - 1 chars long and MAX_BYTES + 1 bytes.
        String json = padded("{\"é\": " + chat("") + ", \"é2\": " + chat("") + "}",
                LiteLlmPriceMapReader.MAX_BYTES - 1);
        assertEquals(LiteLlmPriceMapReader.MAX_BYTES - 1, json.length());

        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> LiteLlmPriceMapReader.read(json, TODAY));
        assertTrue(e.getMessage().contains("larger than " + LiteLlmPriceMapReader.MAX_BYTES + " bytes"),
                e.getMessage());
    }

    @Test
    void aStreamIsReadNoFurtherThanOnePastTheLimit() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served[0] += len;
                return len;
            }
        };

        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> LiteLlmPriceMapReader.read(endless, TODAY));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        assertEquals(LiteLlmPriceMapReader.MAX_BYTES + 1L, served[0]);
    }

    @Test
    void aFailingStreamIsAnIoProblemNotAFormatProblem() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThrows(UncheckedIOException.class, () -> LiteLlmPriceMapReader.read(broken, TODAY));
    }

    // ---- malformed documents are refused whole ---------------------------------------------------------------

    static Stream<Arguments> malformedDocuments() {
        String big = padded("{\"a\": " + chat("") + "}", LiteLlmPriceMapReader.MAX_BYTES + 1);
        return Stream.of(
                Arguments.of("not JSON", "model prices", "not JSON"),
                Arguments.of("truncated JSON", "{\"gpt-4o\": {\"mode\": \"chat\"", "not JSON"),
                Arguments.of("empty text", "", "not JSON"),
                Arguments.of("only whitespace", "  \n ", "not JSON"),
                Arguments.of("text after the root object", "{\"a\": " + chat("") + "} {}", "not JSON"),
                Arguments.of("root is an array", "[{\"gpt-4o\": {}}]", "must be a JSON object of model entries"),
                Arguments.of("root is a string", "\"gpt-4o\"", "must be a JSON object of model entries"),
                Arguments.of("root is a number", "42", "must be a JSON object of model entries"),
                Arguments.of("root is null", "null", "must be a JSON object of model entries"),
                Arguments.of("empty object", "{}", "no models"),
                Arguments.of("only the field documentation", "{\"sample_spec\": {\"mode\": \"one of: chat\"}}",
                        "no models"),
                Arguments.of("one byte over the limit", big, "larger than " + LiteLlmPriceMapReader.MAX_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void malformedDocumentIsRefused(String name, String json, String expected) {
        CatalogFormatException text = assertThrows(CatalogFormatException.class,
                () -> LiteLlmPriceMapReader.read(json, TODAY));
        assertTrue(text.getMessage().contains(expected), text.getMessage());

        CatalogFormatException stream = assertThrows(CatalogFormatException.class, () -> LiteLlmPriceMapReader
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TODAY));
        assertTrue(stream.getMessage().contains(expected), stream.getMessage());
    }

    static Stream<Arguments> entriesThatAreNotObjects() {
        return Stream.of(
                Arguments.of("a number", "42"),
                Arguments.of("a string", "\"gpt-4o\""),
                Arguments.of("an array", "[]"),
                Arguments.of("null", "null"),
                Arguments.of("a boolean", "true"));
    }

    @ParameterizedTest(name = "entry is {0}")
    @MethodSource("entriesThatAreNotObjects")
    void entryThatIsNotAnObjectIsRefused(String name, String value) {
        CatalogFormatException e = refused("{\"gpt-4o\": " + chat("") + ", \"broken-model\": " + value + "}");

        assertTrue(e.getMessage().contains("\"broken-model\""), e.getMessage());
        assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
    }

    @Test
    void sampleSpecIsIgnoredWhateverItHolds() {
        PriceMap map = read("{\"sample_spec\": \"docs\", \"a\": " + chat("") + "}");

        assertEquals(List.of(new PriceMapIgnored("sample_spec", "LiteLLM's field documentation, not a model")),
                map.ignored());
    }

    static Stream<Arguments> malformedFields() {
        return Stream.of(
                // prices
                Arguments.of("input_cost_per_token", "\"2.5e-06\""),
                Arguments.of("output_cost_per_token", "true"),
                Arguments.of("cache_read_input_token_cost", "{\"usd\": 1}"),
                Arguments.of("cache_creation_input_token_cost", "[3.75e-06]"),
                Arguments.of("cache_creation_input_token_cost_above_1hr", "\"6e-06\""),
                Arguments.of("input_cost_per_token_above_200k_tokens", "\"6e-06\""),
                Arguments.of("output_cost_per_token_above_128k_tokens", "false"),
                Arguments.of("cache_read_input_token_cost_above_200k_tokens", "\"x\""),
                Arguments.of("cache_creation_input_token_cost_above_200k_tokens", "[]"),
                // negative or absurd prices
                Arguments.of("input_cost_per_token", "-2.5e-06"),
                Arguments.of("output_cost_per_token", "-1"),
                Arguments.of("cache_read_input_token_cost", "-0.0000001"),
                Arguments.of("output_cost_per_token_above_200k_tokens", "-1.5e-05"),
                Arguments.of("input_cost_per_token", "1e999999999"),
                Arguments.of("input_cost_per_token", "1e-999999999"),
                Arguments.of("input_cost_per_token_above_0k_tokens", "1e-06"),
                // token limits
                Arguments.of("max_input_tokens", "\"128000\""),
                Arguments.of("max_input_tokens", "0"),
                Arguments.of("max_input_tokens", "-128000"),
                Arguments.of("max_input_tokens", "1.5"),
                Arguments.of("max_output_tokens", "16384.5"),
                Arguments.of("max_output_tokens", "true"),
                Arguments.of("max_tokens", "\"max input tokens, if the provider specifies it\""),
                Arguments.of("max_tokens", "3000000000"),
                Arguments.of("max_tokens", "1e999999999"),
                // flags
                Arguments.of("supports_vision", "\"true\""),
                Arguments.of("supports_function_calling", "1"),
                Arguments.of("supports_reasoning", "\"yes\""),
                Arguments.of("supports_prompt_caching", "{}"),
                Arguments.of("supports_response_schema", "[]"),
                Arguments.of("supports_pdf_input", "0"),
                Arguments.of("supports_audio_input", "\"false\""),
                // strings
                Arguments.of("litellm_provider", "42"),
                Arguments.of("litellm_provider", "[\"openai\"]"),
                Arguments.of("mode", "true"),
                Arguments.of("mode", "{\"chat\": true}"),
                // dates
                Arguments.of("deprecation_date", "\"2025/10/01\""),
                Arguments.of("deprecation_date", "\"soon\""),
                Arguments.of("deprecation_date", "\"2025-02-30\""),
                Arguments.of("deprecation_date", "\"2025-1-5\""),
                Arguments.of("deprecation_date", "\"date when the model becomes deprecated in the format YYYY-MM-DD\""),
                Arguments.of("deprecation_date", "20251001"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformedFields")
    void fieldOfTheWrongTypeIsRefusedNamingKeyAndField(String field, String value) {
        Map<String, String> fields = chatFields();
        fields.put(field, value);
        CatalogFormatException e = refused("{\"gpt-4o\": " + chat("") + ", \"gemini/broken-model\": "
                + object(fields) + "}");

        assertTrue(e.getMessage().contains("\"gemini/broken-model\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + field + "\""), e.getMessage());
    }

    @ParameterizedTest(name = "embedding {0} = {1}")
    @MethodSource("malformedFields")
    void fieldOfAnEmbeddingEntryIsCheckedToo(String field, String value) {
        Map<String, String> fields = chatFields();
        fields.put("mode", "\"embedding\"");
        fields.put(field, value);
        CatalogFormatException e = refused("{\"text-embedding-broken\": " + object(fields) + "}");

        assertTrue(e.getMessage().contains("\"text-embedding-broken\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + field + "\""), e.getMessage());
    }

    @Test
    void modeAndProviderOfAnIgnoredEntryAreCheckedToo() {
        CatalogFormatException e = refused("{\"dall-e-3\": {\"litellm_provider\": 7,"
                + " \"mode\": \"image_generation\"}}");

        assertTrue(e.getMessage().contains("\"dall-e-3\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"litellm_provider\""), e.getMessage());
    }

    @Test
    void messageSaysWhatIsWrong() {
        CatalogFormatException e = refused("{\"gpt-4o\": " + chat("\"input_cost_per_token\": \"2.5e-06\"") + "}");

        assertEquals("entry \"gpt-4o\": field \"input_cost_per_token\" must be a number (US dollars per token),"
                + " not the string \"2.5e-06\"", e.getMessage());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static PriceMap sample() {
        try (InputStream in = sampleStream()) {
            return LiteLlmPriceMapReader.read(in, TODAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream sampleStream() {
        InputStream in = LiteLlmPriceMapReaderTest.class.getResourceAsStream(SAMPLE);
        assertNotNull(in, SAMPLE);
        return in;
    }

    private static PriceMap read(String json) {
        return LiteLlmPriceMapReader.read(json, TODAY);
    }

    private static ModelDefinition only(String json) {
        PriceMap map = read(json);
        assertEquals(1, map.entries().size(), () -> "entries of " + json + ": " + map);
        return map.entries().get(0).model();
    }

    private static CatalogFormatException refused(String json) {
        return assertThrows(CatalogFormatException.class, () -> read(json));
    }

    private static PriceMapEntry entry(PriceMap map, String key) {
        return map.entries().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + key));
    }

    private static void assertPrice(String expected, BigDecimal actual) {
        assertNotNull(actual, "price");
        assertEquals(new BigDecimal(expected), actual);
        assertEquals(expected, actual.toPlainString());
    }

    /** A valid chat entry, with {@code extra} (JSON members, or "") added. */
    private static String chat(String extra) {
        return "{\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"max_input_tokens\": 1000"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static Map<String, String> chatFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("litellm_provider", "\"gemini\"");
        fields.put("mode", "\"chat\"");
        fields.put("max_input_tokens", "1000");
        fields.put("input_cost_per_token", "1e-06");
        fields.put("output_cost_per_token", "2e-06");
        return fields;
    }

    private static String object(Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add("\"" + name + "\": " + value));
        return "{" + String.join(", ", members) + "}";
    }

    /** {@code json} followed by spaces up to {@code length} characters. */
    private static String padded(String json, int length) {
        return json + " ".repeat(length - json.length());
    }
}
