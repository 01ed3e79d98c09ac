/**
 * Stored responses of OpenAI's Responses API ({@code store: true}): the finished response, the conversation the model
 * saw and who made it, kept in the gateway's database ({@code LLM_RESPONSE}) for {@code GET /v1/responses/{id}},
 * its input items and {@code previous_response_id}. Only the gateway key that made a response can read or delete it;
 * responses older than the retention ({@code llm.responses.retention}) are neither served nor kept.
 *
 * <p>The wire format belongs to the front door ({@code api.responses}); this package stores its JSON as text and knows
 * only what it needs to page and expire: item ids, owners and times.
 */
package io.circuitbreaker.llm.responses;
