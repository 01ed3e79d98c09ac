package io.circuitbreaker.llm.api.io;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes a response body without ever blocking the calling thread: the servlet's non-blocking output
 * ({@link WriteListener}). Streams are written from the upstream HTTP client's few shared threads; one client that
 * stops reading must stall only its own stream, not every stream behind the same thread.
 *
 * <p>Parts are queued and written while the container says the connection {@linkplain ServletOutputStream#isReady()
 * is ready}; the rest waits for {@link #onWritePossible()}. A {@link #FLUSH} part flushes what was written before it
 * (the response headers, when it is the first part). Once everything queued so far is written and flushed, the
 * callback given with the last {@link #write} runs, outside the lock: callers ask for the next chunk there, so at most
 * one chunk per stream waits in memory.
 */
public final class NonBlockingWriter implements WriteListener {

    /** A part that flushes instead of writing. */
    public static final byte[] FLUSH = new byte[0];

    private final ServletOutputStream out;
    private final Consumer<Throwable> failed;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private Runnable whenWritten;
    private boolean broken;

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
        Runnable done;
        synchronized (this) {
            if (broken) {
                return;
            }
            for (byte[] part : parts) {
                queue.add(part);
            }
            this.whenWritten = whenWritten;
            done = drain();
        }
        run(done);
    }

    @Override
    public void onWritePossible() {
        Runnable done;
        synchronized (this) {
            done = drain();
        }
        run(done);
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    /** Writes while the connection is ready; returns the callback to run when everything queued went out. */
    private Runnable drain() {
        try {
            while (!broken && out.isReady()) {
                byte[] part = queue.poll();
                if (part == null) {
                    Runnable done = whenWritten;
                    whenWritten = null;
                    return done;
                }
                if (part == FLUSH) {
                    out.flush();
                } else {
                    out.write(part);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            broken = true;
            queue.clear();
            return () -> failed.accept(e);
        }
    }

    private void fail(Throwable failure) {
        synchronized (this) {
            if (broken) {
                return;
            }
            broken = true;
            queue.clear();
            whenWritten = null;
        }
        failed.accept(failure);
    }

    private static void run(Runnable done) {
        if (done != null) {
            done.run();
        }
    }
}
