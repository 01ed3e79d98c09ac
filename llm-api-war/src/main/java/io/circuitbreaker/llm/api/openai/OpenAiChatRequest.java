package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.ChatRequest;

/**
 * A parsed {@code POST /v1/chat/completions} body: the provider-neutral request and the two flags that shape the
 * answer rather than the upstream call.
 *
 * @param request      what the router sends upstream
 * @param stream       whether the caller asked for server-sent events
 * @param includeUsage whether a final chunk with the usage was asked for ({@code stream_options.include_usage})
 */
record OpenAiChatRequest(ChatRequest request, boolean stream, boolean includeUsage) {
}
