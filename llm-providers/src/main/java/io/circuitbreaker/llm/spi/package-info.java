/**
 * The provider port: what the router needs from any LLM provider, independent of its wire protocol.
 * Adapters live in sibling packages, one per protocol; nothing here knows an adapter.
 */
package io.circuitbreaker.llm.spi;
