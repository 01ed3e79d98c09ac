/**
 * The one closed error type of the chat use case: {@link io.circuitbreaker.llm.failure.GatewayException} with its
 * {@link io.circuitbreaker.llm.failure.GatewayError}. The gateway's own refusals (invalid request, key, rate limit,
 * budget, unknown model, no capable candidate) and upstream failures are all of this type, so every front door
 * turns a failure into its own wire shape with one exhaustive switch.
 */
package io.circuitbreaker.llm.failure;
