package io.circuitbreaker.llm.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects a response body from the network buffers, up to a limit, and decodes it once as UTF-8 (the encoding JSON
 * is sent in). Sized from {@code Content-Length} when the upstream sends one, so a typical answer is copied once into
 * an array of the right size and once into its {@code String}.
 */
final class ReplyBuffer {

    /** Far above any chat answer; refusing more keeps a broken or hostile upstream from exhausting the heap. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final int INITIAL = 8 * 1024;

    private final int limit;
    private byte[] bytes;
    private int size;

    /**
     * @param contentLength the declared length, or a negative value when unknown
     * @param limit         the most bytes accepted
     */
    ReplyBuffer(long contentLength, int limit) {
        this.limit = limit;
        this.bytes = new byte[(int) Math.min(contentLength >= 0 ? contentLength : INITIAL, limit)];
    }

    /** Whether {@code contentLength} already exceeds the limit, so the body need not be read at all. */
    static boolean tooLarge(long contentLength, int limit) {
        return contentLength > limit;
    }

    /** Appends the buffer's remaining bytes; returns {@code false} (appending nothing) once the limit would pass. */
    boolean append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (n > limit - size) {
            return false;
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max((long) bytes.length * 2, size + n), limit));
        }
        buffer.get(bytes, size, n);
        size += n;
        return true;
    }

    String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
