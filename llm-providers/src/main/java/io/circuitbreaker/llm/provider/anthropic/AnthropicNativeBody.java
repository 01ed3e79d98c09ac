package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.NativeRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The caller's own Messages API body, forwarded as it came: only what the gateway decides is replaced (the routed
 * model and whether this call streams). Everything else (cache_control, documents, server tools, thinking,
 * metadata, fields newer than this gateway) is the caller's and reaches Anthropic untouched. Part of
 * {@link AnthropicMapper}; pure.
 */
final class AnthropicNativeBody {

    /**
     * Generation options {@code count_tokens} does not take (the API rejects unknown fields). What is left out is
     * listed, not what is kept: a newer field that changes the count (e.g. {@code output_config}) then still reaches
     * the counter, and a newer generation-only field is refused by Anthropic by name rather than silently miscounted.
     */
    static final Set<String> NOT_COUNTED = Set.of("max_tokens", "stream", "temperature", "top_p", "top_k",
            "stop_sequences", "metadata", "service_tier");

    /** Headers the adapter sets itself: a caller's copy never replaces them. */
    private static final Set<String> ADAPTER_HEADERS = Set.of("x-api-key", "authorization", "anthropic-version",
            "content-type", "content-length", "accept", "host");

    private AnthropicNativeBody() {
    }

    /** The body for {@code POST /v1/messages}: the caller's, with the routed model and this call's stream flag. */
    static String forMessages(NativeRequest request, String model, boolean stream) {
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder(read(request));
        body.add("model", model);
        if (stream) {
            body.add("stream", true);
        } else {
            body.remove("stream");
        }
        return body.build().toString();
    }

    /** The body for {@code POST /v1/messages/count_tokens}: the caller's, without the generation options. */
    static String forCount(NativeRequest request, String model) {
        return forCount(read(request), model);
    }

    /** A Messages body (the caller's or the translated one) as {@code count_tokens} takes it. */
    static String forCount(JsonObject messagesBody, String model) {
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder(messagesBody);
        NOT_COUNTED.forEach(body::remove);
        body.add("model", model);
        return body.build().toString();
    }

    /** The caller's protocol headers to forward (e.g. {@code anthropic-beta}), without those the adapter owns. */
    static Map<String, String> headers(NativeRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (!ADAPTER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private static JsonObject read(NativeRequest request) {
        JsonValue value;
        try {
            value = Json.readValue(request.json());
        } catch (JsonException e) {
            throw AnthropicConversation.invalid("the request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AnthropicConversation.invalid("the request body is not a JSON object");
        }
        return value.asJsonObject();
    }
}
