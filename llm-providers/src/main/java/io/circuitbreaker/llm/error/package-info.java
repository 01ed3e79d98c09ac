/**
 * The one typed error hierarchy for upstream failures ({@link io.circuitbreaker.llm.error.LlmProviderException} and
 * its kinds), with the helpers every adapter shares: status mapping, retry-after parsing and secret redaction.
 */
package io.circuitbreaker.llm.error;
