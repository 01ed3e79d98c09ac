package io.circuitbreaker.llm.catalog.litellm;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LiteLLM's price map ({@code model_prices_and_context_window.json}): a JSON object whose keys are model names
 * and whose values describe one model each. The gateway imports it to keep list prices current; this class only
 * parses, so an import can be checked (dry run) before anything changes.
 *
 * <p>A malformed document is refused whole with a {@link CatalogFormatException} naming the entry and the field: not
 * JSON, not an object, larger than {@link #MAX_BYTES}, no models, an entry that is not an object, or a field the
 * reader uses that has the wrong type. Fields it does not use are not looked at: the file gains new ones all the
 * time. Of an entry it sets aside only the fields that decided so are read ({@code mode}, {@code litellm_provider},
 * the token limits), so a quirk in an image or audio entry cannot block an import of chat prices. A field that is
 * JSON {@code null} counts as absent.
 *
 * <p>Kept are {@code chat} and {@code embedding} entries with a {@code litellm_provider} and a context window; every
 * other entry is listed as ignored with the reason, so each key of the document lands in exactly one list.
 */
public final class LiteLlmPriceMapReader {

    /** Largest document accepted. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /** LiteLLM's documentation of its fields, the first entry of the file; its values are descriptions. */
    static final String SAMPLE_SPEC = "sample_spec";
    static final String SAMPLE_SPEC_REASON = "LiteLLM's field documentation, not a model";
    /** The {@link ModelPricing#source()} of imported prices. */
    static final String SOURCE = "LiteLLM price map";

    private static final String CHAT = "chat";
    private static final String EMBEDDING = "embedding";
    /** {@code <price field>_above_<N>k_tokens}: the long-context band's prices, billed above N thousand tokens. */
    private static final Pattern TIER_FIELD = Pattern.compile("(input_cost_per_token|output_cost_per_token"
            + "|cache_read_input_token_cost|cache_creation_input_token_cost"
            + "|cache_creation_input_token_cost_above_1hr)_above_(\\d+)k_tokens");

    private LiteLlmPriceMapReader() {
    }

    /** Reads a price map given as text; its size is counted in UTF-8 bytes. */
    public static PriceMap read(String json, LocalDate today) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(today, "today");
        if (utf8Length(json) > MAX_BYTES) {
            throw tooLarge();
        }
        return parse(() -> Json.createParser(new StringReader(json)), today);
    }

    /**
     * Reads a price map from a stream (UTF-8, or another Unicode encoding JSON allows). The stream is read at most to
     * one byte past {@link #MAX_BYTES} and is not closed.
     */
    public static PriceMap read(InputStream json, LocalDate today) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(today, "today");
        byte[] bytes;
        try {
            bytes = json.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return parse(() -> Json.createParser(new ByteArrayInputStream(bytes)), today);
    }

    private static PriceMap parse(Supplier<JsonParser> source, LocalDate today) {
        JsonObject document = document(source);
        if (document.keySet().stream().allMatch(SAMPLE_SPEC::equals)) {
            throw new CatalogFormatException("the price map has no models");
        }
        List<PriceMapEntry> entries = new ArrayList<>();
        List<PriceMapIgnored> ignored = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : document.entrySet()) {
            String key = member.getKey();
            if (SAMPLE_SPEC.equals(key)) {
                ignored.add(new PriceMapIgnored(key, SAMPLE_SPEC_REASON));
                continue;
            }
            JsonValue value = member.getValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new CatalogFormatException("entry " + EntryFields.quote(key) + " must be a JSON object, not "
                        + EntryFields.describe(value));
            }
            EntryFields fields = new EntryFields(key, value.asJsonObject());
            String reason = entry(key, fields, today, entries);
            if (reason != null) {
                ignored.add(new PriceMapIgnored(key, reason));
            }
        }
        return new PriceMap(entries, ignored);
    }

    /** The document's root object; anything else, or anything after it, is refused. */
    private static JsonObject document(Supplier<JsonParser> source) {
        try (JsonParser parser = source.get()) {
            if (!parser.hasNext()) {
                throw new CatalogFormatException("the price map is not JSON: the document is empty");
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw new CatalogFormatException("the price map must be a JSON object of model entries, not "
                        + describe(first));
            }
            JsonObject document = parser.getObject();
            if (parser.hasNext()) {
                throw new CatalogFormatException("the price map is not JSON: text follows its root object");
            }
            return document;
        } catch (JsonException e) {
            throw new CatalogFormatException("the price map is not JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonParser.Event event) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> event.toString();
        };
    }

    /** Adds the entry to {@code entries} and returns {@code null}, or returns why it is set aside. */
    private static String entry(String key, EntryFields fields, LocalDate today, List<PriceMapEntry> entries) {
        String mode = fields.text("mode");
        String provider = fields.text("litellm_provider");
        if (mode == null) {
            return "no mode";
        }
        if (!CHAT.equals(mode) && !EMBEDDING.equals(mode)) {
            return "mode " + mode + " is not served by the gateway";
        }
        if (provider == null || provider.isBlank()) {
            return "no litellm_provider";
        }
        String modelId = modelId(key, provider);
        if (modelId.isBlank()) {
            return "no model id after the litellm_provider prefix";
        }
        boolean embedding = EMBEDDING.equals(mode);
        Integer maxInput = fields.tokens("max_input_tokens");
        Integer maxOutput = fields.tokens("max_output_tokens");
        Integer maxTokens = fields.tokens("max_tokens");
        Integer contextWindow = maxInput != null ? maxInput : maxTokens;
        if (contextWindow == null) {
            return mode + " model without a context window (no max_input_tokens or max_tokens)";
        }
        int outputLimit;
        if (embedding) {
            outputLimit = 1;
        } else {
            outputLimit = maxOutput != null ? maxOutput : maxTokens != null ? maxTokens : contextWindow;
            outputLimit = Math.min(outputLimit, contextWindow);
        }
        boolean functionCalling = fields.flag("supports_function_calling");
        ModelDefinition model = new ModelDefinition(modelId, modelId, outputLimit, contextWindow,
                pricing(fields, embedding, today), !embedding, functionCalling,
                capabilities(fields, embedding, functionCalling), deprecated(fields, today));
        entries.add(new PriceMapEntry(key, provider, modelId, model));
        return null;
    }

    /** The key without a leading {@code <litellm_provider>/}; other prefixes stay. */
    private static String modelId(String key, String provider) {
        String prefix = provider + "/";
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static ModelPricing pricing(EntryFields fields, boolean embedding, LocalDate today) {
        BigDecimal output = fields.price("output_cost_per_token");
        if (embedding && output == null) {
            output = BigDecimal.ZERO;
        }
        TokenRates standard = new TokenRates(fields.price("input_cost_per_token"), output,
                fields.price("cache_read_input_token_cost"), fields.price("cache_creation_input_token_cost"),
                fields.price("cache_creation_input_token_cost_above_1hr"));
        TreeMap<Integer, Map<String, BigDecimal>> tiers = tiers(fields);
        if (tiers.isEmpty()) {
            return new ModelPricing(standard, null, null, PriceOrigin.IMPORT, SOURCE, today);
        }
        Map.Entry<Integer, Map<String, BigDecimal>> lowest = tiers.firstEntry();
        Map<String, BigDecimal> band = lowest.getValue();
        TokenRates longContext = new TokenRates(band.get("input_cost_per_token"), band.get("output_cost_per_token"),
                band.get("cache_read_input_token_cost"), band.get("cache_creation_input_token_cost"),
                band.get("cache_creation_input_token_cost_above_1hr"));
        return new ModelPricing(standard, lowest.getKey() * 1000, longContext, PriceOrigin.IMPORT, SOURCE, today);
    }

    /**
     * The long-context bands by threshold in thousands of tokens, each as price field to price. An entry may state
     * bands for several thresholds; the caller uses the lowest, since {@link ModelPricing} has one band.
     */
    private static TreeMap<Integer, Map<String, BigDecimal>> tiers(EntryFields fields) {
        TreeMap<Integer, Map<String, BigDecimal>> tiers = new TreeMap<>();
        for (String name : fields.names()) {
            Matcher matcher = TIER_FIELD.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            BigDecimal price = fields.price(name);
            String thousands = matcher.group(2);
            int threshold = thousands.length() > 7 ? 0 : Integer.parseInt(thousands);
            if (threshold < 1 || threshold > Integer.MAX_VALUE / 1000) {
                throw fields.refuse(name, "names a threshold out of range (1k to " + Integer.MAX_VALUE / 1000
                        + "k tokens)");
            }
            if (price != null) {
                tiers.computeIfAbsent(threshold, t -> new HashMap<>()).put(matcher.group(1), price);
            }
        }
        return tiers;
    }

    private static List<String> capabilities(EntryFields fields, boolean embedding, boolean functionCalling) {
        boolean vision = fields.flag("supports_vision");
        boolean reasoning = fields.flag("supports_reasoning");
        boolean promptCaching = fields.flag("supports_prompt_caching");
        boolean structuredOutput = fields.flag("supports_response_schema");
        boolean pdfInput = fields.flag("supports_pdf_input");
        boolean audioInput = fields.flag("supports_audio_input");
        List<String> capabilities = new ArrayList<>();
        capabilities.add(embedding ? ModelDefinition.EMBEDDINGS : ModelDefinition.TEXT_GENERATION);
        addIf(capabilities, vision, "vision");
        addIf(capabilities, functionCalling, "function_calling");
        addIf(capabilities, reasoning, "reasoning");
        addIf(capabilities, promptCaching, "prompt_caching");
        addIf(capabilities, structuredOutput, "structured_output");
        addIf(capabilities, pdfInput || audioInput || vision, "multimodal");
        return capabilities;
    }

    private static void addIf(List<String> capabilities, boolean condition, String capability) {
        if (condition) {
            capabilities.add(capability);
        }
    }

    /** Deprecated from its {@code deprecation_date} on, that day included. */
    private static boolean deprecated(EntryFields fields, LocalDate today) {
        LocalDate date = fields.date("deprecation_date");
        return date != null && !date.isAfter(today);
    }

    private static CatalogFormatException tooLarge() {
        return new CatalogFormatException("the price map is larger than " + MAX_BYTES + " bytes");
    }

    /** UTF-8 length of {@code text}, counted without encoding it; stops once past {@link #MAX_BYTES}. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= MAX_BYTES; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
