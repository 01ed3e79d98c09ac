/**
 * What several gateway instances share: the Redis connection (Lettuce), its settings, and what happens when Redis
 * cannot be reached (fail open to per-instance state, or fail closed). Without {@code llm.redis.url} nothing here
 * connects anywhere and every instance keeps its state in memory, as the embedded single-instance default should.
 */
package io.circuitbreaker.llm.shared;
