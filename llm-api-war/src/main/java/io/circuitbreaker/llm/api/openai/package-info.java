/**
 * The OpenAI-compatible REST API ({@code /v1/chat/completions}, {@code /v1/models}): applications that use the
 * official OpenAI SDKs switch to the gateway by changing the base URL and the key, and reach every provider the router
 * knows. Requests are read in OpenAI's shape into the provider-neutral model, answers and stream chunks are written
 * back in OpenAI's shape whichever provider served them, and failures become OpenAI's error JSON with the matching
 * status. Parsing and writing are pure classes with their own unit tests; the servlet only wires them to the router.
 */
package io.circuitbreaker.llm.api.openai;
