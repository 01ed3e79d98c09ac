package io.circuitbreaker.llm.api.anthropic;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The top-level fields of Anthropic's two endpoints this door reads, and what becomes of each: translated into the
 * gateway's neutral request, accepted as a caching hint, or Anthropic-only (kept in the native body, which reaches an
 * Anthropic upstream as sent, and listed as untranslated so any other provider refuses the request by naming them).
 * Any other field is refused as Anthropic refuses it ({@code foo: Extra inputs are not permitted}), so a misspelt
 * {@code max_token} is never dropped silently.
 *
 * <p>The Anthropic-only list follows Anthropic's API reference for {@code messages.create} (including its beta
 * parameters) and {@code messages.count_tokens}; when Anthropic adds a field, add it here: until then a client that
 * sends it gets the 400.
 */
final class AnthropicParameters {

    /** Which endpoint a body is for: they take different fields. */
    enum Endpoint {
        MESSAGES,
        COUNT_TOKENS
    }

    static final Set<String> MESSAGES_TRANSLATED = Set.of("model", "messages", "max_tokens", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_p", "top_k", "thinking", "tool_choice", "tools",
            "output_config");

    static final Set<String> MESSAGES_ANTHROPIC_ONLY = Set.of("service_tier", "container", "mcp_servers",
            "context_management", "inference_geo", "output_format", "speed", "diagnostics",
            "fallbacks", "fallback_credit_token", "user_profile_id");

    static final Set<String> COUNT_TOKENS_TRANSLATED = Set.of("model", "messages", "system", "thinking",
            "tool_choice", "tools", "output_config");

    static final Set<String> COUNT_TOKENS_ANTHROPIC_ONLY = Set.of("mcp_servers", "context_management",
            "output_format");

    /**
     * Top-level {@code cache_control} (automatic caching of the last cacheable block): a hint about the provider's
     * prompt cache, not a change to the answer, so it is not untranslated: other providers cache on their own.
     */
    static final String CACHE_HINT = "cache_control";

    /** Names quoted at most: the refusal must not grow with whatever a caller sends. */
    private static final int ECHOED_NAMES = 10;

    private AnthropicParameters() {
    }

    /**
     * Refuses unknown top-level fields and adds the Anthropic-only ones present to {@code untranslated}.
     */
    static void check(JsonObject body, Endpoint endpoint, List<String> untranslated) {
        Set<String> translated = endpoint == Endpoint.MESSAGES ? MESSAGES_TRANSLATED : COUNT_TOKENS_TRANSLATED;
        Set<String> anthropicOnly = endpoint == Endpoint.MESSAGES ? MESSAGES_ANTHROPIC_ONLY
                : COUNT_TOKENS_ANTHROPIC_ONLY;
        List<String> unknown = new ArrayList<>();
        for (String name : body.keySet()) {
            if (anthropicOnly.contains(name)) {
                untranslated.add(name);
            } else if (!translated.contains(name) && !CACHE_HINT.equals(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        List<String> shown = unknown.subList(0, Math.min(unknown.size(), ECHOED_NAMES)).stream()
                .map(InvalidAnthropicRequest::excerpt).toList();
        // Anthropic's own wording, one path per field
        throw new InvalidAnthropicRequest(null, String.join(", ", shown) + (unknown.size() > shown.size()
                ? ", ..." : "") + ": Extra inputs are not permitted");
    }
}
