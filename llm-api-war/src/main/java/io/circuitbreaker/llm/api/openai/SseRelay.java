package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.Deployment;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays a routed stream to the caller as server-sent events: each chunk is written and flushed the moment it
 * arrives, one at a time (the next is requested after the write, so a slow client slows its own stream and nothing
 * piles up). A failed write or a closed connection cancels the subscription, which aborts the upstream request.
 *
 * <p>Before the first chunk a failure is an ordinary error answer with its status (the router has already retried
 * and fallen back); after it, the status is sent, so the error goes out as a final {@code data:} object in OpenAI's
 * error shape and the stream ends without {@code [DONE]}.
 */
final class SseRelay implements Flow.Subscriber<StreamChunk>, AsyncListener {

    private static final Logger LOG = Logger.getLogger(SseRelay.class.getName());
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final OpenAiChunkWriter writer;
    private final long startNanos;
    private volatile AsyncContext async;
    private volatile Flow.Subscription subscription;
    private volatile Deployment deployment;
    private volatile boolean finished;
    private boolean committed;

    SseRelay(HttpServletResponse response, OpenAiChunkWriter writer, long startNanos) {
        this.response = response;
        this.writer = writer;
        this.startNanos = startNanos;
    }

    void start(AsyncContext context, Flow.Publisher<StreamChunk> publisher) {
        this.async = context;
        context.addListener(this);
        publisher.subscribe(this);
    }

    /** Called by the router just before the first chunk: the deployment that serves this stream. */
    void committedTo(Deployment serving) {
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
            commit();
            for (JsonObject event : writer.chunks(chunk)) {
                send(event);
            }
            response.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
            clientGone(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        try {
            OpenAiError error = OpenAiErrorMapper.map(failure);
            if (committed) {
                send(error.toJson());
                response.getOutputStream().flush();
            } else {
                OpenAiResponses.error(response, error);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not send the stream's error (client gone?)", e);
        } finally {
            end();
        }
    }

    @Override
    public void onComplete() {
        try {
            commit();
            for (JsonObject event : writer.end()) {
                send(event);
            }
            response.getOutputStream().write(DONE);
            response.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not finish the stream (client gone?)", e);
        } finally {
            end();
        }
    }

    private void commit() {
        if (committed) {
            return;
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
        try {
            // Open Liberty holds an async response's first body write back until a second write arrives, unless the
            // headers went out on their own first (seen on 26.0.0.3): without this the first token waits for the second
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(JsonObject event) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void clientGone(Exception cause) {
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
