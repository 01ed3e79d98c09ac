/**
 * The chat use case, once for every front door (OpenAI REST, GraphQL, and the Anthropic and Responses APIs to come):
 * {@link io.circuitbreaker.llm.chat.ChatService} admits the caller's request, resolves the model once, calls the
 * router EJB once, then settles the caller's budget and token limit, records usage and writes the trace. Front doors
 * are thin translators from their wire format to {@link io.circuitbreaker.llm.chat.ChatCall} and back; every failure
 * reaches them as one {@link io.circuitbreaker.llm.failure.GatewayException}.
 */
package io.circuitbreaker.llm.chat;
