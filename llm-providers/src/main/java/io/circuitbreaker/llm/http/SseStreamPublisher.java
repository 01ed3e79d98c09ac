package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A streamed chat completion on the shared Jetty client ({@link UpstreamHttp}): each subscription sends the request,
 * splits the SSE body into lines as bytes arrive, and publishes the decoder's chunks at once. No thread waits on an
 * open stream: Jetty calls back when bytes arrive.
 *
 * <p>A non-2xx answer is read whole (bounded like a complete answer) and typed by the {@link ErrorResponseMapper}
 * with its status, headers and body. Cancelling the subscription aborts the exchange, which closes the connection.
 *
 * <p>Time limits: the response headers must arrive within the first-byte limit of sending; after them, any gap
 * between two reads longer than the idle limit ends the stream with an {@code idle_timeout}.
 *
 * <p>The subscriber is signalled on Jetty's (or the timer's) thread, under the thread context of the code that
 * subscribed ({@link ThreadContexts}); it must not block there.
 */
public final class SseStreamPublisher implements Flow.Publisher<StreamChunk> {

    /** Far above any one SSE line; a longer one means a broken or hostile upstream. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final UpstreamRequest request;
    private final ProviderType provider;
    private final Supplier<StreamDecoder> decoders;
    private final ErrorResponseMapper errors;

    /**
     * @param request  the request, whose {@code Accept: text/event-stream} header the adapter sets
     * @param decoders a new decoder for each subscription (decoders keep per-stream state)
     */
    public SseStreamPublisher(UpstreamRequest request, ProviderType provider, Supplier<StreamDecoder> decoders,
            ErrorResponseMapper errors) {
        this.request = request;
        this.provider = provider;
        this.decoders = decoders;
        this.errors = errors;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super StreamChunk> subscriber) {
        StreamCall call = new StreamCall(subscriber, decoders.get(), ThreadContexts.capture());
        subscriber.onSubscribe(call);
        call.start();
    }

    /** One upstream exchange feeding one subscriber. Jetty delivers its events one at a time, never concurrently. */
    private final class StreamCall extends ChunkSubscription {

        private final StreamDecoder decoder;
        private final SseParser parser;
        private final Utf8LineSplitter lines;
        private final ProviderEndpoint endpoint = request.endpoint();
        private final Scheduler scheduler = UpstreamHttp.scheduler();
        /** The subscriber's thread context, under which every Jetty and timer callback runs (see ThreadContexts). */
        private final Executor context;
        private volatile Request exchange;
        private volatile Scheduler.Task firstByte;
        private volatile IdleWatch idle;
        private volatile boolean stopped;
        /** The body of a non-2xx answer; {@code null} while streaming a 2xx one. */
        private ReplyBuffer errorBody;

        StreamCall(Flow.Subscriber<? super StreamChunk> subscriber, StreamDecoder decoder, Executor context) {
            super(subscriber);
            this.decoder = decoder;
            this.context = context;
            this.parser = new SseParser(this::onEvent);
            this.lines = new Utf8LineSplitter(parser::line, MAX_LINE_BYTES);
        }

        void start() {
            if (isCancelled()) {
                return;
            }
            Request jetty;
            try {
                jetty = request.newJettyRequest();
                exchange = jetty;
                firstByte = scheduler.schedule(() -> context.execute(() -> fail(TransportFailures.firstByteTimeout(
                        provider, endpoint.firstByteTimeout()))), endpoint.firstByteTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                // context.execute runs at once on Jetty's thread: each buffer is consumed before the listener returns
                jetty.onResponseHeaders(response -> context.execute(() -> onHeaders(response)))
                        .onResponseContent((response, content) -> context.execute(() -> onContent(response, content)))
                        .send(result -> context.execute(() -> onDone(result)));
            } catch (RuntimeException e) {
                // e.g. the client was stopped with the application
                fail(TransportFailures.map(provider, e));
                return;
            }
            if (stopped) {
                // cancelled while the request was being set up
                cancelFirstByte();
                jetty.abort(new CancellationException("stream cancelled"));
            }
        }

        private void onHeaders(Response response) {
            cancelFirstByte();
            if (response.getStatus() / 100 != 2) {
                long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
                if (ReplyBuffer.tooLarge(length, ReplyBuffer.MAX_BODY_BYTES)) {
                    fail(TransportFailures.tooLarge(provider, response.getStatus(), ReplyBuffer.MAX_BODY_BYTES));
                    return;
                }
                errorBody = new ReplyBuffer(length, ReplyBuffer.MAX_BODY_BYTES);
            }
            IdleWatch watch = new IdleWatch(scheduler, endpoint.idleTimeout(),
                    () -> context.execute(() -> fail(TransportFailures.idleTimeout(provider, endpoint.idleTimeout()))));
            idle = watch;
            watch.start();
            if (stopped) {
                watch.stop();
            }
        }

        private void onContent(Response response, ByteBuffer content) {
            if (stopped) {
                return;
            }
            IdleWatch watch = idle;
            watch.busy();
            try {
                consume(response, content);
            } finally {
                // the limit counts from the end of our own work on this buffer (see IdleWatch)
                watch.touch();
            }
        }

        private void consume(Response response, ByteBuffer content) {
            if (errorBody != null) {
                if (!errorBody.append(content)) {
                    fail(TransportFailures.tooLarge(provider, response.getStatus(), ReplyBuffer.MAX_BODY_BYTES));
                }
                return;
            }
            try {
                lines.feed(content);
            } catch (Utf8LineSplitter.LineTooLongException e) {
                fail(TransportFailures.tooLarge(provider, response.getStatus(), MAX_LINE_BYTES));
            } catch (LlmProviderException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(TransportFailures.map(provider, e));
            }
        }

        private void onEvent(SseEvent event) {
            if (stopped || decoder.finished()) {
                return;
            }
            for (StreamChunk chunk : decoder.decode(event)) {
                offer(chunk);
            }
        }

        private void onDone(Result result) {
            stopTimers();
            if (result.isFailed()) {
                fail(TransportFailures.map(provider, result.getFailure()));
                return;
            }
            Response response = result.getResponse();
            if (errorBody != null) {
                fail(errors.map(response.getStatus(), response.getHeaders()::get, errorBody.text()));
                return;
            }
            try {
                lines.finish();
                parser.end();
                decoder.complete().forEach(this::offer);
                complete();
            } catch (LlmProviderException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(TransportFailures.map(provider, e));
            }
        }

        @Override
        protected void stopUpstream() {
            stopped = true;
            stopTimers();
            Request jetty = exchange;
            if (jetty != null) {
                // closes the connection; a no-op once the exchange is over
                jetty.abort(new CancellationException("stream cancelled"));
            }
        }

        private void stopTimers() {
            cancelFirstByte();
            IdleWatch watch = idle;
            if (watch != null) {
                watch.stop();
            }
        }

        private void cancelFirstByte() {
            Scheduler.Task pending = firstByte;
            if (pending != null) {
                pending.cancel();
            }
        }
    }
}
