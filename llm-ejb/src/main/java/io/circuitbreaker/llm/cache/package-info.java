/**
 * The exact-match response cache: an answer to a request identical in every parameter that reaches the router (the
 * model or route it resolved to, the conversation, every sampling parameter, tools, response format, the native body
 * as sent) from the same gateway key is served from Redis instead of upstream, while the entry's time to live lasts.
 *
 * <p>Opt-in, per gateway key and per route ({@link io.circuitbreaker.llm.cache.CachePolicies}, stored in
 * {@code LLM_CACHE_POLICY}); without Redis there is no cache. {@link io.circuitbreaker.llm.chat.ChatService} is the one
 * caller, so every front door gets it once. The pieces are pure where they can be: {@link
 * io.circuitbreaker.llm.cache.CacheKeys} derives the key, {@link io.circuitbreaker.llm.cache.CachedAnswerCodec} writes
 * and reads an entry, {@link io.circuitbreaker.llm.cache.StreamAssembler} turns a stream into the answer it
 * amounted to and {@link io.circuitbreaker.llm.cache.AnswerChunks} an answer back into a stream to replay. Redis
 * failures never fail a request: a lookup that cannot reach Redis is a miss, a store that cannot is skipped.
 */
package io.circuitbreaker.llm.cache;
