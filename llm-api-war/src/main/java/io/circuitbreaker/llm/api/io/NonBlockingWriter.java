package io.circuitbreaker.llm.api.io;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes a response body without ever blocking the calling thread: the servlet's non-blocking output
 * ({@link WriteListener}). Streams are written from the upstream HTTP client's few shared threads; one client that
 * stops reading must stall only its own stream, not every stream behind the same thread.
 *
 * <p>Parts are queued and written while the container says the connection {@linkplain ServletOutputStream#isReady()
 * is ready}; the rest waits for {@link #onWritePossible()}. A {@link #FLUSH} part flushes what was written before it
 * (the response headers, when it is the first part). Once everything queued so far is written, the callback given
 * with the last {@link #write} runs: callers ask for the next chunk there, so at most one chunk per stream waits.
 *
 * <p>No lock is held while calling the container: one thread at a time drains (a work-in-progress counter decides
 * which; a call that finds another draining leaves its work to it). Holding a monitor around {@code write} deadlocked
 * with the container calling {@code onWritePossible} under its own lock, and over HTTP/2 that stalled every stream
 * of the connection.
 */
public final class NonBlockingWriter implements WriteListener {

    /** A part that flushes instead of writing. */
    public static final byte[] FLUSH = new byte[0];

    private final ServletOutputStream out;
    private final Consumer<Throwable> failed;
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Runnable> whenWritten = new AtomicReference<>();
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean broken = new AtomicBoolean();

    /**
     * Registers itself as the stream's write listener; call once, after the request went asynchronous.
     *
     * @param failed told once when a write fails or the container reports an error (the client went away)
     */
    public NonBlockingWriter(ServletOutputStream out, Consumer<Throwable> failed) {
        this.out = Objects.requireNonNull(out, "out");
        this.failed = Objects.requireNonNull(failed, "failed");
        out.setWriteListener(this);
    }

    /**
     * Queues the parts and writes what the connection takes now.
     *
     * @param whenWritten runs once these parts (and all before them) are written; replaces an earlier one not yet run
     */
    public void write(Runnable whenWritten, byte[]... parts) {
        if (broken.get()) {
            return;
        }
        for (byte[] part : parts) {
            queue.add(part);
        }
        this.whenWritten.set(whenWritten);
        drain();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    /** Writes while the connection is ready; whoever finds another thread draining leaves the work to it. */
    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                while (!broken.get() && out.isReady()) {
                    byte[] part = queue.poll();
                    if (part == null) {
                        Runnable done = whenWritten.getAndSet(null);
                        if (done == null) {
                            break;
                        }
                        // may queue the next chunk (its write() counts as missed work, so the outer loop comes back
                        // for it) or complete the response (then nothing may touch the stream again)
                        done.run();
                        break;
                    }
                    if (part == FLUSH) {
                        out.flush();
                    } else {
                        out.write(part);
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void fail(Throwable failure) {
        if (!broken.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        whenWritten.set(null);
        failed.accept(failure);
    }
}
