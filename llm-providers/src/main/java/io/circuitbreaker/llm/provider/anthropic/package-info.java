/**
 * The adapter for Anthropic's Messages API ({@code POST /v1/messages}, streamed or not,
 * {@code POST /v1/messages/count_tokens}, and {@code GET /v1/models} as a token-free health probe). A caller's own
 * Messages body (from the gateway's Anthropic front door) is forwarded as it came, only the model and stream flag
 * replaced. It translates the gateway's provider-neutral chat model to Anthropic's wire format
 * and back: system prompts lifted to the top-level {@code system}, strictly alternating user/assistant turns of
 * content blocks, tool results as user {@code tool_result} blocks, reasoning as {@code thinking} budgets and signed or
 * redacted thinking blocks both ways, structured output as a forced tool, the SSE event state machine of the stream, and
 * Anthropic's error envelope to the typed error hierarchy. Wire records never leave this package.
 */
package io.circuitbreaker.llm.provider.anthropic;
