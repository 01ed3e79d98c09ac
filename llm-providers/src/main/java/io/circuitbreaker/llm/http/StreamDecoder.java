package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.List;

/**
 * Turns one provider's SSE events into stream chunks. One instance per stream: it may keep state (Anthropic's
 * content blocks, tool-call indexes). Implementations are pure: no I/O, easy to unit test with recorded streams.
 */
public interface StreamDecoder {

    /**
     * Decodes one event. Returns the chunks to forward now (often one, sometimes none).
     *
     * @throws LlmProviderException for an error event sent inside the stream, or for an event that cannot be read
     */
    List<StreamChunk> decode(SseEvent event);

    /** Whether the provider's end-of-stream marker has been seen; after it, further events are ignored. */
    boolean finished();

    /**
     * Called when the connection ends. Returns trailing chunks (e.g. usage held back) when the stream is complete.
     *
     * @throws LlmProviderException (malformed response) when the stream ended before its end-of-stream marker
     */
    List<StreamChunk> complete();
}
