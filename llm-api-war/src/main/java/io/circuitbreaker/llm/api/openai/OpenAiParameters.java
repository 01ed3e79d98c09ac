package io.circuitbreaker.llm.api.openai;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
 * then a client that sends it gets the 400. Parameters the gateway does not use are accepted and ignored.
 */
final class OpenAiParameters {

    static final Set<String> KNOWN = Set.of(
            "model", "messages", "audio", "frequency_penalty", "function_call", "functions", "logit_bias",
            "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "moderation", "n",
            "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_options",
            "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed",
            "service_tier", "stop", "store", "stream", "stream_options", "temperature", "tool_choice", "tools",
            "top_logprobs", "top_p", "user", "verbosity", "web_search_options");

    /** Names quoted at most: the refusal must not grow with whatever a caller sends. */
    private static final int ECHOED_NAMES = 10;

    private OpenAiParameters() {
    }

    /** Refuses a body with any top-level argument OpenAI does not know, naming them as OpenAI does. */
    static void rejectUnknown(JsonObject body) {
        rejectUnknown(body, KNOWN);
    }

    /** As {@link #rejectUnknown(JsonObject)} for another endpoint's arguments (embeddings). */
    static void rejectUnknown(JsonObject body, Set<String> known) {
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
}
