package io.circuitbreaker.llm.api.relay;

import io.circuitbreaker.llm.model.StreamChunk;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One front door's server-sent event format for a routed stream: what {@link StreamRelay} writes for each chunk, at
 * the end, and on failure. One instance per stream (formats keep per-stream state, such as which content block is
 * open); called by one thread at a time.
 */
public interface StreamFormat {

    /** The events for one routed chunk, as bytes ready to send; empty when it carries nothing the client would see. */
    byte[] chunk(StreamChunk chunk);

    /** The events that end a complete stream (OpenAI's {@code [DONE]}, Anthropic's {@code message_stop}). */
    byte[] end();

    /** The final event for a failure after the stream's status was sent, in the API's error shape. */
    byte[] errorEvent(Throwable failure);

    /**
     * For a failure before anything was sent: sets the error's status and headers on the response and returns its
     * body, an ordinary error answer.
     */
    byte[] errorAnswer(HttpServletResponse response, Throwable failure);
}
