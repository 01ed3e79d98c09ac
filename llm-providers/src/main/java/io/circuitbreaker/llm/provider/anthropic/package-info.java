/**
 * The adapter for Anthropic's Messages API ({@code POST /v1/messages}, streamed or not, and {@code GET /v1/models}
 * as a token-free health probe). It translates the gateway's provider-neutral chat model to Anthropic's wire format
 * and back: system prompts lifted to the top-level {@code system}, strictly alternating user/assistant turns of
 * content blocks, tool results as user {@code tool_result} blocks, the SSE event state machine of the stream, and
 * Anthropic's error envelope to the typed error hierarchy. Wire records never leave this package.
 */
package io.circuitbreaker.llm.provider.anthropic;
