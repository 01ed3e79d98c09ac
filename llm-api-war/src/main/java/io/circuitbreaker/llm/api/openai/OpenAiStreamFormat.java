package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.api.relay.StreamFormat;
import io.circuitbreaker.llm.model.StreamChunk;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OpenAI's chat completion stream: a {@code data:} event per {@code chat.completion.chunk} object, {@code data:
 * [DONE]} at the end, and after a failure a final {@code data:} object in OpenAI's error shape (no {@code [DONE]}).
 */
final class OpenAiStreamFormat implements StreamFormat {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final OpenAiChunkWriter writer;

    OpenAiStreamFormat(OpenAiChunkWriter writer) {
        this.writer = writer;
    }

    @Override
    public byte[] chunk(StreamChunk chunk) {
        return events(writer.chunks(chunk), false);
    }

    @Override
    public byte[] end() {
        return events(writer.end(), true);
    }

    @Override
    public byte[] errorEvent(Throwable failure) {
        return events(List.of(OpenAiErrorMapper.map(failure).toJson()), false);
    }

    @Override
    public byte[] errorAnswer(HttpServletResponse response, Throwable failure) {
        return OpenAiResponses.prepareError(response, OpenAiErrorMapper.map(failure));
    }

    /** The events as one {@code data: ...\n\n} block each, in one array: one write per chunk. */
    private static byte[] events(List<JsonObject> events, boolean done) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        for (JsonObject event : events) {
            bytes.writeBytes(DATA);
            bytes.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(END_OF_EVENT);
        }
        if (done) {
            bytes.writeBytes(DONE);
        }
        return bytes.toByteArray();
    }
}
