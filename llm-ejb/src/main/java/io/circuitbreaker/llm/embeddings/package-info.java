/**
 * The embeddings use case: {@link io.circuitbreaker.llm.embeddings.EmbeddingService}, the one entry point of the
 * {@code /v1/embeddings} front door (admit → resolve → route → settle → record, as chat).
 */
package io.circuitbreaker.llm.embeddings;
