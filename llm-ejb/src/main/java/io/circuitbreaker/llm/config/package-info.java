/**
 * The gateway's configuration, read through MicroProfile Config: router and breaker settings, routes defined at
 * start, and provider API keys resolved from their secret references.
 */
package io.circuitbreaker.llm.config;
