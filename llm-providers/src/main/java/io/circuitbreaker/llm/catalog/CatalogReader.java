package io.circuitbreaker.llm.catalog;

import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a catalog document ({@code {"providers":[...]}}) into {@link ProviderDefinition}s.
 *
 * <p>Prices are taken from the JSON number's text as {@link BigDecimal}, never through {@code double}, so the
 * catalog's figures survive to the last digit.
 */
public final class CatalogReader {

    /** Classpath location of the catalog that ships with the gateway. */
    public static final String DEFAULT_CATALOG = "/io/circuitbreaker/llm/catalog/default-catalog.json";

    private CatalogReader() {
    }

    /** The catalog shipped with the gateway: the design document's providers, models and prices. */
    public static List<ProviderDefinition> defaultCatalog() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(DEFAULT_CATALOG)) {
            if (in == null) {
                throw new CatalogFormatException("default catalog resource missing: " + DEFAULT_CATALOG);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A short fingerprint of the shipped catalog (the first 12 hex digits of its SHA-256): changes whenever a release
     * changes a model or a price, so an existing database knows to take the new catalog in.
     */
    public static String defaultCatalogVersion() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(DEFAULT_CATALOG)) {
            if (in == null) {
                throw new CatalogFormatException("default catalog resource missing: " + DEFAULT_CATALOG);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static List<ProviderDefinition> read(InputStream json) {
        try (JsonReader reader = Json.createReader(json)) {
            JsonObject root = reader.readObject();
            JsonArray providers = root.getJsonArray("providers");
            if (providers == null) {
                throw new CatalogFormatException("catalog has no \"providers\" array");
            }
            List<ProviderDefinition> result = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonValue value : providers) {
                ProviderDefinition provider = provider(value.asJsonObject());
                if (!ids.add(provider.id())) {
                    throw new CatalogFormatException("duplicate provider id: " + provider.id());
                }
                result.add(provider);
            }
            return List.copyOf(result);
        } catch (JsonException | ClassCastException e) {
            throw new CatalogFormatException("catalog is not valid JSON of the expected shape: " + e.getMessage(), e);
        }
    }

    private static ProviderDefinition provider(JsonObject json) {
        String id = requiredString(json, "id");
        String typeText = requiredString(json, "providerType");
        ProviderType type = ProviderType.parse(typeText)
                .orElseThrow(() -> new CatalogFormatException("provider " + id + ": unknown providerType " + typeText));
        List<ModelDefinition> models = new ArrayList<>();
        JsonArray modelArray = json.getJsonArray("models");
        if (modelArray != null) {
            for (JsonValue model : modelArray) {
                models.add(model(id, model.asJsonObject()));
            }
        }
        return new ProviderDefinition(id, type, json.getString("name", id), json.getString("baseUrl", null),
                json.getString("apiKeyId", null), models);
    }

    private static ModelDefinition model(String providerId, JsonObject json) {
        String id = requiredString(json, "id");
        List<String> capabilities = new ArrayList<>();
        JsonArray caps = json.getJsonArray("capabilities");
        if (caps != null) {
            for (JsonValue cap : caps) {
                capabilities.add(((JsonString) cap).getString());
            }
        }
        return new ModelDefinition(id, json.getString("name", id),
                positiveInt(providerId, id, json, "maxTokens"),
                positiveInt(providerId, id, json, "contextWindow"),
                pricing(providerId, id, json),
                json.getBoolean("supportsStreaming", true),
                json.getBoolean("supportsFunctionCalling", false),
                capabilities,
                json.getBoolean("deprecated", false));
    }

    private static ModelPricing pricing(String providerId, String modelId, JsonObject json) {
        TokenRates standard = rates(providerId, modelId, json);
        Integer longContextAbove = null;
        TokenRates longContext = null;
        JsonObject tier = json.getJsonObject("longContext");
        if (tier != null) {
            longContextAbove = positiveInt(providerId, modelId, tier, "aboveInputTokens");
            longContext = rates(providerId, modelId + ".longContext", tier);
        }
        LocalDate checked = null;
        String checkedText = json.getString("checked", null);
        if (checkedText != null) {
            try {
                checked = LocalDate.parse(checkedText);
            } catch (DateTimeParseException e) {
                throw new CatalogFormatException(providerId + "/" + modelId + ": checked must be a date (YYYY-MM-DD)",
                        e);
            }
        }
        return new ModelPricing(standard, longContextAbove, longContext, PriceOrigin.CATALOG,
                json.getString("source", null), checked);
    }

    private static TokenRates rates(String providerId, String modelId, JsonObject json) {
        return new TokenRates(price(providerId, modelId, json, "costPerInputToken"),
                price(providerId, modelId, json, "costPerOutputToken"),
                price(providerId, modelId, json, "costPerCachedInputToken"),
                price(providerId, modelId, json, "costPerCacheWriteInputToken"),
                price(providerId, modelId, json, "costPerCacheWrite1hInputToken"));
    }

    private static String requiredString(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            throw new CatalogFormatException("missing field \"" + field + "\" in " + json);
        }
        return json.getString(field);
    }

    private static int positiveInt(String providerId, String modelId, JsonObject json, String field) {
        int value = json.getInt(field, 0);
        if (value <= 0) {
            throw new CatalogFormatException(providerId + "/" + modelId + ": " + field + " must be a positive integer");
        }
        return value;
    }

    private static BigDecimal price(String providerId, String modelId, JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return null;
        }
        BigDecimal price = ((JsonNumber) json.get(field)).bigDecimalValue();
        if (price.signum() < 0) {
            throw new CatalogFormatException(providerId + "/" + modelId + ": " + field + " must not be negative");
        }
        return price;
    }
}
