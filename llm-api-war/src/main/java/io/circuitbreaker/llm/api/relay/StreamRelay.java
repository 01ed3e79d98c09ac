package io.circuitbreaker.llm.api.relay;

import io.circuitbreaker.llm.api.io.NonBlockingWriter;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.Deployment;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays a routed stream to the caller as server-sent events, in the caller's API's format ({@link StreamFormat}): each chunk is written and flushed the moment it
 * arrives, one at a time (the next is requested once the write went out, so a slow client slows its own stream and
 * nothing piles up). Writes never block: chunks arrive on the upstream HTTP client's few shared threads, and a client
 * that stops reading must not hold one of them ({@link NonBlockingWriter}). A failed write or a closed connection
 * cancels the subscription, which aborts the upstream request.
 *
 * <p>Before the first chunk a failure is an ordinary error answer with its status (the router has already retried
 * and fallen back); after it, the status is sent, so the error goes out as the format's final error event and the stream
 * ends without the format's normal end.
 */
public final class StreamRelay implements Flow.Subscriber<StreamChunk>, AsyncListener {

    private static final Logger LOG = Logger.getLogger(StreamRelay.class.getName());

    private final HttpServletResponse response;
    private final StreamFormat format;
    private final long startNanos;
    private volatile AsyncContext async;
    private volatile NonBlockingWriter out;
    private volatile Flow.Subscription subscription;
    private volatile Deployment deployment;
    private volatile boolean finished;
    private boolean committed;

    public StreamRelay(HttpServletResponse response, StreamFormat format, long startNanos) {
        this.response = response;
        this.format = format;
        this.startNanos = startNanos;
    }

    /** Call on the request thread, right after the request went asynchronous. */
    public void start(AsyncContext context, Flow.Publisher<StreamChunk> publisher) throws IOException {
        this.async = context;
        context.addListener(this);
        out = new NonBlockingWriter(response.getOutputStream(), this::clientGone);
        publisher.subscribe(this);
    }

    /** Called by the router just before the first chunk: the deployment that serves this stream. */
    public void committedTo(Deployment serving) {
        this.deployment = serving;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (finished) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(StreamChunk chunk) {
        try {
            byte[] headers = commit();
            byte[] events = format.chunk(chunk);
            out.write(this::requestNext, headers, events, NonBlockingWriter.FLUSH);
        } catch (RuntimeException e) {
            clientGone(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        try {
            if (committed) {
                out.write(this::end, format.errorEvent(failure), NonBlockingWriter.FLUSH);
            } else {
                out.write(this::end, format.errorAnswer(response, failure), NonBlockingWriter.FLUSH);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not send the stream's error (client gone?)", e);
            end();
        }
    }

    @Override
    public void onComplete() {
        try {
            byte[] headers = commit();
            out.write(this::end, headers, format.end(), NonBlockingWriter.FLUSH);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not finish the stream (client gone?)", e);
            end();
        }
    }

    private void requestNext() {
        Flow.Subscription s = subscription;
        if (s != null && !finished) {
            s.request(1);
        }
    }

    /**
     * Sets the stream's status and headers at its first chunk and returns {@link NonBlockingWriter#FLUSH}, so the
     * headers go out on their own before any event (Open Liberty 26.0.0.3 held an async response's first body write
     * back until a second write arrived otherwise); afterwards an empty part.
     */
    private byte[] commit() {
        if (committed) {
            return new byte[] {};
        }
        committed = true;
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("cache-control", "no-cache");
        // proxies such as nginx must not hold chunks back
        response.setHeader("x-accel-buffering", "no");
        Deployment serving = deployment;
        if (serving != null) {
            RoutingHeaders.deployment(response, serving, null);
        }
        response.setHeader(RoutingHeaders.TIME_TO_FIRST_CHUNK,
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
        return NonBlockingWriter.FLUSH;
    }

    private void clientGone(Throwable cause) {
        LOG.log(Level.FINE, "stream client went away; cancelling the upstream request", cause);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        end();
    }

    private void end() {
        if (finished) {
            return;
        }
        finished = true;
        AsyncContext context = async;
        if (context != null) {
            try {
                context.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container completed it (timeout or client error) first
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        cancelUpstream();
    }

    @Override
    public void onError(AsyncEvent event) {
        cancelUpstream();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing to release: the subscription ended or was cancelled before the context completed
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not re-dispatched
    }

    private void cancelUpstream() {
        finished = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
