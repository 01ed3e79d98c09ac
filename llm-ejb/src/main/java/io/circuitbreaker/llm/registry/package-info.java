/**
 * The gateway's registry of configured providers and models: the one place the router, the API and the health
 * checks read provider configuration from.
 */
package io.circuitbreaker.llm.registry;
