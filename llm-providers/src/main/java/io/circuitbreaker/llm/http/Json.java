package io.circuitbreaker.llm.http;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.Type;

/**
 * The one JSON-B instance the adapters use for wire DTOs, and the JSON-P reader for upstream bytes read as a tree.
 * Creating a {@link Jsonb} is expensive (it scans and caches class models), so it is built once. Nulls are omitted
 * (providers reject explicit nulls for unset options) and unknown fields are ignored on read, so new provider fields
 * never break the gateway. Both read through {@link EofSafeJsonProvider}: skipping an unknown field of a body cut
 * short would otherwise spin forever.
 */
public final class Json {

    // looked up once: JsonProvider.provider() runs a ServiceLoader lookup on every call
    private static final JsonProvider JSONP = new EofSafeJsonProvider(JsonProvider.provider());

    private static final Jsonb JSONB = JsonbBuilder.newBuilder()
            .withProvider(JSONP)
            .withConfig(new JsonbConfig()
                    .withNullValues(false)
                    .setProperty("jsonb.fail-on-unknown-properties", false))
            .build();

    private Json() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /** @throws JsonbException when the text is not JSON of the expected shape */
    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    public static <T> T fromJson(String json, Type type) {
        return JSONB.fromJson(json, type);
    }

    /** @throws JsonException when the text is not one JSON value */
    public static JsonValue readValue(String json) {
        try (JsonReader reader = JSONP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
