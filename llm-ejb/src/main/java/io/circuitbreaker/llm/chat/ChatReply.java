package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.cache.CacheOutcome;
import io.circuitbreaker.llm.routing.RoutedResponse;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An admitted request for a complete answer.
 *
 * @param rateLimitHeaders the caller's rate-limit state, as OpenAI's {@code x-ratelimit-*} headers
 * @param answer           completes with the routed answer, or fails with a
 *                         {@link io.circuitbreaker.llm.failure.GatewayException}; usage is recorded and the caller
 *                         settled before it completes
 * @param cache            what the response cache did ({@code x-llm-cache})
 */
public record ChatReply(Map<String, String> rateLimitHeaders, CompletionStage<RoutedResponse> answer,
        CacheOutcome cache) {

    public ChatReply {
        cache = cache == null ? CacheOutcome.OFF : cache;
    }

    /** A reply the cache played no part in. */
    public ChatReply(Map<String, String> rateLimitHeaders, CompletionStage<RoutedResponse> answer) {
        this(rateLimitHeaders, answer, CacheOutcome.OFF);
    }
}
