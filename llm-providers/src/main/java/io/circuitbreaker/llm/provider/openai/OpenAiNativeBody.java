package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The caller's own Chat Completions body, forwarded as it came: every parameter the caller set
 * ({@code presence_penalty}, {@code logit_bias}, {@code logprobs}, {@code n}, {@code service_tier}, {@code store},
 * {@code metadata}, {@code prediction}, {@code verbosity}, {@code web_search_options}, {@code prompt_cache_key},
 * {@code safety_identifier}, and fields newer than this gateway) reaches the upstream untouched. Only what the gateway
 * decides is replaced:
 * <ul>
 * <li>{@code model}: the routed upstream model, which need not be the name the caller used.</li>
 * <li>{@code stream} and {@code stream_options}: a streamed call always asks for {@code include_usage} (usage is
 * recorded and billed, never estimated), keeping the caller's other stream options; whether the caller gets the usage
 * chunk is the front door's business, by the caller's own {@code include_usage}. A complete call sends neither
 * (OpenAI refuses {@code stream_options} without {@code stream}).</li>
 * <li>{@code max_tokens} becomes {@code max_completion_tokens} for OpenAI's reasoning models, which refuse the older
 * name: a route may send a caller's request to such a model without the caller knowing.</li>
 * </ul>
 * Part of {@link OpenAiMapper}; pure.
 */
final class OpenAiNativeBody {

    private static final String MAX_TOKENS = "max_tokens";
    private static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";
    private static final String STREAM_OPTIONS = "stream_options";

    private OpenAiNativeBody() {
    }

    /**
     * The body for {@code POST /chat/completions}.
     *
     * @param completionTokens whether the routed model wants {@code max_completion_tokens} instead of
     *                         {@code max_tokens}
     */
    static String forChat(ProviderType provider, NativeRequest request, String model, boolean completionTokens,
            boolean stream) {
        JsonObject caller = read(provider, request);
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder(caller);
        body.add("model", model);
        if (completionTokens && present(caller.get(MAX_TOKENS)) && !present(caller.get(MAX_COMPLETION_TOKENS))) {
            body.remove(MAX_TOKENS);
            body.add(MAX_COMPLETION_TOKENS, caller.get(MAX_TOKENS));
        }
        if (stream) {
            JsonObjectBuilder options = caller.get(STREAM_OPTIONS) instanceof JsonObject own
                    ? jakarta.json.Json.createObjectBuilder(own) : jakarta.json.Json.createObjectBuilder();
            body.add("stream", true);
            body.add(STREAM_OPTIONS, options.add("include_usage", true));
        } else {
            body.remove("stream");
            body.remove(STREAM_OPTIONS);
        }
        return body.build().toString();
    }

    private static JsonObject read(ProviderType provider, NativeRequest request) {
        JsonValue value;
        try {
            value = Json.readValue(request.json());
        } catch (JsonException e) {
            throw new InvalidRequestException(provider, 0, "invalid_json", "the request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException(provider, 0, "invalid_json", "the request body is not a JSON object");
        }
        return value.asJsonObject();
    }

    private static boolean present(JsonValue value) {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }
}
