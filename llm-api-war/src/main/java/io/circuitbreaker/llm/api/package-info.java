/**
 * The gateway's client-facing APIs: GraphQL ({@code graphql}), the OpenAI-compatible REST API ({@code openai}) and
 * health ({@code health}, {@code healthgroup}). What they share lives here.
 */
package io.circuitbreaker.llm.api;
