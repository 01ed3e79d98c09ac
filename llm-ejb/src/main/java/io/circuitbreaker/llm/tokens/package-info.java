/**
 * The count-tokens use case ({@code POST /v1/messages/count_tokens} and any door that offers one): how many input
 * tokens a request would take on the model it names, the provider's own count where it has a counter, the gateway's
 * documented estimate otherwise.
 */
package io.circuitbreaker.llm.tokens;
