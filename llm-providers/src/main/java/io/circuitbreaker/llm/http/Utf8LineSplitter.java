package io.circuitbreaker.llm.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a UTF-8 byte stream, arriving in buffers of any size, into lines: LF, CR and CRLF all end a line (the
 * Server-Sent Events rules), including a CRLF whose two bytes arrive in different buffers. Lines are split on bytes,
 * and CR and LF never occur inside a multi-byte UTF-8 sequence, so a character cut between two buffers is decoded
 * whole. A line that lies within one heap buffer is decoded straight from it; only a line spanning buffers is copied.
 *
 * <p>Not thread-safe: one per stream, fed by one reader at a time.
 */
final class Utf8LineSplitter {

    /** A line longer than the limit: the stream is broken or hostile. */
    static final class LineTooLongException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LineTooLongException(int limit) {
            super("a line longer than " + limit + " bytes");
        }
    }

    private final Consumer<String> sink;
    private final int maxLineBytes;
    private byte[] pending = new byte[256];
    private int pendingSize;
    private boolean afterCr;

    Utf8LineSplitter(Consumer<String> sink, int maxLineBytes) {
        this.sink = sink;
        this.maxLineBytes = maxLineBytes;
    }

    /** Emits every line the buffer completes and keeps the rest; consumes the whole buffer. */
    void feed(ByteBuffer buffer) {
        if (!buffer.hasArray()) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            feed(copy, 0, copy.length);
            return;
        }
        int start = buffer.arrayOffset() + buffer.position();
        feed(buffer.array(), start, buffer.remaining());
        buffer.position(buffer.limit());
    }

    private void feed(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        int end = offset + length;
        int lineStart = offset;
        int i = offset;
        if (afterCr && i < end && data[i] == '\n') {
            // the LF of a CRLF whose CR ended the previous buffer
            i++;
            lineStart = i;
        }
        afterCr = false;
        for (; i < end; i++) {
            byte b = data[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            emit(data, lineStart, i - lineStart);
            if (b == '\r') {
                if (i + 1 == end) {
                    afterCr = true;
                } else if (data[i + 1] == '\n') {
                    i++;
                }
            }
            lineStart = i + 1;
        }
        keep(data, lineStart, end - lineStart);
    }

    /** Emits the last line when the stream ended without a line terminator. */
    void finish() {
        if (pendingSize > 0) {
            String line = new String(pending, 0, pendingSize, StandardCharsets.UTF_8);
            pendingSize = 0;
            sink.accept(line);
        }
    }

    private void emit(byte[] data, int from, int length) {
        String line;
        if (pendingSize == 0) {
            check(length);
            line = new String(data, from, length, StandardCharsets.UTF_8);
        } else {
            keep(data, from, length);
            line = new String(pending, 0, pendingSize, StandardCharsets.UTF_8);
            pendingSize = 0;
        }
        sink.accept(line);
    }

    private void keep(byte[] data, int from, int length) {
        if (length == 0) {
            return;
        }
        check(pendingSize + length);
        if (pendingSize + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingSize + length));
        }
        System.arraycopy(data, from, pending, pendingSize, length);
        pendingSize += length;
    }

    private void check(long length) {
        if (length > maxLineBytes) {
            throw new LineTooLongException(maxLineBytes);
        }
    }
}
