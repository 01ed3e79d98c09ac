/**
 * The gateway's one, provider-neutral model of chat requests, answers, stream chunks and usage. Adapters translate
 * between this model and each provider's wire format; nothing here knows a wire format.
 */
package io.circuitbreaker.llm.model;
