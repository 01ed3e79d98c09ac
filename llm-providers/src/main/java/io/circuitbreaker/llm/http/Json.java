package io.circuitbreaker.llm.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/**
 * The one JSON-B instance the adapters use for wire DTOs. Creating a {@link Jsonb} is expensive (it scans and caches
 * class models), so it is built once. Nulls are omitted (providers reject explicit nulls for unset options) and
 * unknown fields are ignored on read, so new provider fields never break the gateway.
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", false));

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
}
