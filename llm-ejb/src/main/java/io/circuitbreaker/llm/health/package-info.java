/**
 * Provider health: a background monitor probes every configured provider (token-free list-models calls) on a timer,
 * real traffic updates the same cache between probes, and every reader (MicroProfile Health checks, GraphQL) only
 * reads that cache, so no incoming request ever reaches an upstream.
 */
package io.circuitbreaker.llm.health;
