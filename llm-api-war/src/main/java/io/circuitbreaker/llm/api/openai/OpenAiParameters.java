package io.circuitbreaker.llm.api.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level request arguments of OpenAI's Chat Completions create API, and OpenAI's refusal of any other: a
 * misspelt {@code max_token} or {@code temprature} is answered with 400 {@code Unrecognized request argument supplied:
 * max_token} as OpenAI answers it, instead of being dropped silently so the caller never learns the setting had no
 * effect.
 *
 * <p>The list is every parameter of {@code chat.completions.create} in OpenAI's API reference as the official Python
 * SDK generates it from OpenAI's OpenAPI specification ({@code openai-python},
 * {@code src/openai/resources/chat/completions/completions.py}, which also lists {@code moderation},
 * {@code prompt_cache_options} and {@code prompt_cache_retention}). When OpenAI adds a parameter, add it here: until
 * then a client that sends it gets the 400.
 *
 * <p>No accepted parameter is dropped. The body is kept as sent ({@link io.circuitbreaker.llm.model.NativeRequest}),
 * so an upstream speaking this protocol (OpenAI, OpenAI-compatible servers) receives every parameter as the caller
 * set it. The neutral request carries what every provider can be given (sampling, limits, tools, penalties, {@code n},
 * reasoning); the rest is listed by {@link #untranslated(JsonObject)}, and an adapter of another protocol refuses a
 * request that sets any of them, naming them, instead of answering a different question than the one asked. A few
 * parameters are refused here for every provider, because the gateway could not return what they ask for
 * ({@link #refuseUnanswerable(JsonObject)}).
 */
public final class OpenAiParameters {

    static final Set<String> KNOWN = Set.of(
            "model", "messages", "audio", "frequency_penalty", "function_call", "functions", "logit_bias",
            "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "moderation", "n",
            "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_options",
            "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed",
            "service_tier", "stop", "store", "stream", "stream_options", "temperature", "tool_choice", "tools",
            "top_logprobs", "top_p", "user", "verbosity", "web_search_options");

    /**
     * The parameters the neutral request has no place for, each with the value that means "not set" in OpenAI's API
     * ({@code null}: any value counts as set). A parameter sent with that value asks for nothing another provider
     * could fail to honour, so it is not listed (a client that always sends {@code store: false} still reaches
     * Gemini).
     */
    private static final Map<String, JsonValue> UNTRANSLATED = untranslatedDefaults();

    /** Names quoted at most: the refusal must not grow with whatever a caller sends. */
    private static final int ECHOED_NAMES = 10;

    private OpenAiParameters() {
    }

    /** Refuses a body with any top-level argument OpenAI does not know, naming them as OpenAI does. */
    static void rejectUnknown(JsonObject body) {
        rejectUnknown(body, KNOWN);
    }

    /**
     * Refuses a body with any top-level argument not in {@code known} (one OpenAI endpoint's list), naming them as
     * OpenAI does. Shared by OpenAI's endpoints (chat completions, responses, embeddings).
     */
    public static void rejectUnknown(JsonObject body, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : body.keySet()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        List<String> shown = unknown.subList(0, Math.min(unknown.size(), ECHOED_NAMES)).stream()
                .map(InvalidOpenAiRequest::excerpt).toList();
        String names = String.join(", ", shown) + (unknown.size() > shown.size() ? ", ..." : "");
        // OpenAI's wording, singular and plural; it names no param and sends no code
        throw new InvalidOpenAiRequest(null, unknown.size() == 1
                ? "Unrecognized request argument supplied: " + names
                : "Unrecognized request arguments supplied: " + names);
    }

    /**
     * The parameters set in {@code body} that only an upstream of this protocol receives (forwarded in the native
     * body), in the order OpenAI documents them; empty when the neutral request carries everything asked for.
     */
    static List<String> untranslated(JsonObject body) {
        List<String> names = new ArrayList<>();
        UNTRANSLATED.forEach((name, unset) -> {
            JsonValue value = body.get(name);
            if (value != null && value != JsonValue.NULL && !value.equals(unset)) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Refuses, for every provider, what the gateway cannot answer: audio output (its answers are text: the audio
     * would be lost on the way back) and the deprecated {@code functions} API (its answers come back as
     * {@code function_call}, which the gateway returns as {@code tool_calls}; {@code tools} and {@code tool_choice}
     * say the same and work with every provider).
     */
    static void refuseUnanswerable(JsonObject body) {
        for (String legacy : List.of("functions", "function_call")) {
            if (present(body.get(legacy))) {
                throw new InvalidOpenAiRequest(legacy, legacy + " (deprecated by OpenAI) is not supported by the "
                        + "gateway; use tools and tool_choice");
            }
        }
        if (present(body.get("audio"))) {
            throw new InvalidOpenAiRequest("audio", "the gateway returns text answers only; remove audio");
        }
        JsonValue modalities = body.get("modalities");
        if (present(modalities) && !(modalities instanceof JsonArray array
                && array.stream().allMatch(m -> m instanceof JsonString text && "text".equals(text.getString())))) {
            throw new InvalidOpenAiRequest("modalities", "the gateway returns text answers only; modalities must be "
                    + "[\"text\"]");
        }
    }

    private static boolean present(JsonValue value) {
        return value != null && value != JsonValue.NULL;
    }

    private static Map<String, JsonValue> untranslatedDefaults() {
        Map<String, JsonValue> unset = new LinkedHashMap<>();
        // an empty bias or metadata sets nothing; an empty web_search_options does turn web search on
        unset.put("logit_bias", JsonValue.EMPTY_JSON_OBJECT);
        unset.put("logprobs", JsonValue.FALSE);
        unset.put("top_logprobs", null);
        unset.put("metadata", JsonValue.EMPTY_JSON_OBJECT);
        unset.put("moderation", null);
        unset.put("prediction", null);
        unset.put("prompt_cache_key", null);
        unset.put("prompt_cache_options", null);
        unset.put("prompt_cache_retention", null);
        unset.put("safety_identifier", null);
        // "auto" is what OpenAI does when it is not set
        unset.put("service_tier", Json.createValue("auto"));
        unset.put("store", JsonValue.FALSE);
        unset.put("verbosity", Json.createValue("medium"));
        unset.put("web_search_options", null);
        return unset;
    }
}
