/**
 * Anthropic's Messages API as a front door ({@code POST /v1/messages}, {@code POST /v1/messages/count_tokens}), for
 * models of every provider: the request is read into the gateway's neutral model (and kept as sent, for an Anthropic
 * upstream to receive faithfully), routed by the same chat service as every other door, and the answer, stream and
 * errors are written in Anthropic's own shapes so the Anthropic SDKs and Claude Code work unchanged.
 */
package io.circuitbreaker.llm.api.anthropic;
