package io.circuitbreaker.llm.cache;

/**
 * How the cache takes part in one request.
 *
 * @param redisKey   the entry's key ({@link CacheKeys})
 * @param ttlSeconds how long a stored answer is kept
 * @param lookup     whether a stored answer may be served ({@code false} for a refresh)
 */
public record CachePlan(String redisKey, int ttlSeconds, boolean lookup) {
}
