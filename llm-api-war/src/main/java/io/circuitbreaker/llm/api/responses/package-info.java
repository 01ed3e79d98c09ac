/**
 * OpenAI's Responses API in front of every provider: {@code POST /v1/responses} (complete and streamed),
 * {@code GET}/{@code DELETE /v1/responses/{id}} and {@code GET /v1/responses/{id}/input_items}, built to OpenAI's API
 * reference and the Open Responses specification.
 *
 * <p>A request becomes the gateway's neutral {@code ChatRequest} and goes through the chat service like any other
 * front door's; no adapter speaks the Responses protocol, so what cannot be translated (built-in tools, conversations,
 * prompt templates, background mode, ...) is refused here with a 400 naming it. Errors are OpenAI's (the Responses API
 * shares the Chat Completions error shape: {@code api.openai}'s mapper). Finished responses are stored for their key
 * ({@code io.circuitbreaker.llm.responses}) unless the caller sent {@code store: false}.
 */
package io.circuitbreaker.llm.api.responses;
