package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.Secrets;
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

    /**
     * The decoder, reading each event with the secret's value masked first ({@link Secrets#maskValue}): a provider
     * may fail inside a successful stream with an error event that echoes the key it was sent, and a key need not
     * look key-like to be caught by {@link Secrets#redact(String)} later.
     */
    static StreamDecoder masking(StreamDecoder decoder, String secret) {
        return new StreamDecoder() {
            @Override
            public List<StreamChunk> decode(SseEvent event) {
                String data = Secrets.maskValue(event.data(), secret);
                return decoder.decode(data == event.data() ? event : new SseEvent(event.event(), data, event.id()));
            }

            @Override
            public boolean finished() {
                return decoder.finished();
            }

            @Override
            public List<StreamChunk> complete() {
                return decoder.complete();
            }
        };
    }
}
