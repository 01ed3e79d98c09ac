package io.circuitbreaker.llm.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NonBlockingWriterTest {

    /** A connection the test opens and closes: writes only while ready, records flushes. */
    static final class Connection extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<String> log = new ArrayList<>();
        boolean ready = true;
        IOException failNextWrite;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("single bytes are never written");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!ready) {
                throw new IllegalStateException("written while not ready: a blocking write");
            }
            if (failNextWrite != null) {
                throw failNextWrite;
            }
            written.write(b, off, len);
            log.add("write " + new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            log.add("flush");
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesAndFlushesAtOnceWhenTheConnectionIsReady() {
        Connection connection = new Connection();
        AtomicInteger written = new AtomicInteger();
        NonBlockingWriter writer = new NonBlockingWriter(connection, e -> { throw new AssertionError(e); });
        assertSame(writer, connection.listener, "registers itself as the write listener");
        writer.write(written::incrementAndGet, NonBlockingWriter.FLUSH, bytes("data: a\n\n"), NonBlockingWriter.FLUSH);
        assertEquals(List.of("flush", "write data: a\n\n", "flush"), connection.log);
        assertEquals(1, written.get());
    }

    @Test
    void aClientThatStopsReadingHoldsNoThreadAndGetsTheRestWhenItReadsAgain() throws IOException {
        Connection connection = new Connection();
        AtomicInteger written = new AtomicInteger();
        NonBlockingWriter writer = new NonBlockingWriter(connection, e -> { throw new AssertionError(e); });
        connection.ready = false;
        writer.write(written::incrementAndGet, bytes("one "), bytes("two"), NonBlockingWriter.FLUSH);
        assertEquals("", connection.text(), "nothing written while the connection is not ready; write returned");
        assertEquals(0, written.get(), "the next chunk is not asked for before this one went out");
        connection.ready = true;
        connection.listener.onWritePossible();
        assertEquals("one two", connection.text());
        assertEquals(1, written.get());
        connection.listener.onWritePossible();
        assertEquals(1, written.get(), "the callback runs once");
    }

    @Test
    void aFailedWriteReportsTheClientGoneOnceAndDropsTheRest() throws IOException {
        Connection connection = new Connection();
        AtomicReference<Throwable> gone = new AtomicReference<>();
        AtomicInteger failures = new AtomicInteger();
        NonBlockingWriter writer = new NonBlockingWriter(connection, e -> {
            gone.set(e);
            failures.incrementAndGet();
        });
        connection.failNextWrite = new IOException("Broken pipe");
        AtomicInteger written = new AtomicInteger();
        writer.write(written::incrementAndGet, bytes("lost"));
        assertEquals("Broken pipe", gone.get().getMessage());
        writer.write(written::incrementAndGet, bytes("after"));
        connection.listener.onError(new IOException("reset"));
        assertEquals(1, failures.get());
        assertEquals(0, written.get());
        assertTrue(connection.text().isEmpty());
    }
}
