package io.circuitbreaker.llm.embeddings;

import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An admitted embeddings request: the rate-limit headers to send, and the answer as it completes (cancel it when the
 * client has gone: the routing stops).
 */
public record EmbeddingReply(Map<String, String> rateLimitHeaders, CompletionStage<RoutedEmbeddings> answer) {
    public EmbeddingReply {
        rateLimitHeaders = Map.copyOf(rateLimitHeaders);
    }
}
