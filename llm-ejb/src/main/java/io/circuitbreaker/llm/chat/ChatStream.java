package io.circuitbreaker.llm.chat;

import io.circuitbreaker.llm.cache.CacheOutcome;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * An admitted request for a streamed answer. Nothing goes upstream until {@code chunks} is subscribed; cancelling
 * the subscription aborts the upstream call. A failure before the first chunk is a
 * {@link io.circuitbreaker.llm.failure.GatewayException}; after it, the upstream's typed error (see
 * {@link io.circuitbreaker.llm.failure.GatewayException#of(Throwable)}).
 *
 * @param rateLimitHeaders the caller's rate-limit state, as OpenAI's {@code x-ratelimit-*} headers
 * @param chunks           the answer's chunks (a cached answer's replayed, on a hit)
 * @param cache            what the response cache did ({@code x-llm-cache})
 */
public record ChatStream(Map<String, String> rateLimitHeaders, Flow.Publisher<StreamChunk> chunks,
        CacheOutcome cache) {

    public ChatStream {
        cache = cache == null ? CacheOutcome.OFF : cache;
    }

    /** A stream the cache played no part in. */
    public ChatStream(Map<String, String> rateLimitHeaders, Flow.Publisher<StreamChunk> chunks) {
        this(rateLimitHeaders, chunks, CacheOutcome.OFF);
    }
}
