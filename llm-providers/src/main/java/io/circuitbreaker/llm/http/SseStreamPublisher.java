package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A streamed chat completion over the JDK {@link HttpClient}: each subscription sends the request, parses the SSE
 * body line by line as bytes arrive, and publishes the decoder's chunks at once.
 *
 * <p>Why not MicroProfile Rest Client here: its streaming options are a blocking {@code InputStream} (a thread per
 * open stream) or an SSE {@code Publisher} that hides the status and headers of a failed response, which the gateway
 * needs to type the error and honour {@code retry-after}. The JDK client gives a non-blocking line subscriber, the
 * response status before the body, and aborts the exchange when the subscription is cancelled.
 *
 * <p>Time limits: the request's own timeout bounds the wait for the response headers (first byte); the idle timeout
 * bounds the gap between two lines of the body.
 */
public final class SseStreamPublisher implements Flow.Publisher<StreamChunk> {

    private final HttpClient client;
    private final HttpRequest request;
    private final ProviderType provider;
    private final Supplier<StreamDecoder> decoders;
    private final ErrorResponseMapper errors;
    private final Duration idleTimeout;
    private final ScheduledExecutorService timer;

    public SseStreamPublisher(HttpClient client, HttpRequest request, ProviderType provider,
            Supplier<StreamDecoder> decoders, ErrorResponseMapper errors, Duration idleTimeout,
            ScheduledExecutorService timer) {
        this.client = client;
        this.request = request;
        this.provider = provider;
        this.decoders = decoders;
        this.errors = errors;
        this.idleTimeout = idleTimeout;
        this.timer = timer;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super StreamChunk> subscriber) {
        StreamCall call = new StreamCall(subscriber, decoders.get());
        subscriber.onSubscribe(call);
        call.start();
    }

    /** One upstream exchange feeding one subscriber. */
    private final class StreamCall extends ChunkSubscription implements Flow.Subscriber<String> {

        private final StreamDecoder decoder;
        private final SseParser parser;
        private volatile CompletableFuture<HttpResponse<Void>> exchange;
        private volatile Flow.Subscription body;
        private volatile ScheduledFuture<?> idle;

        StreamCall(Flow.Subscriber<? super StreamChunk> subscriber, StreamDecoder decoder) {
            super(subscriber);
            this.decoder = decoder;
            this.parser = new SseParser(this::onEvent);
        }

        void start() {
            if (isCancelled()) {
                return;
            }
            exchange = client.sendAsync(request, this::bodyHandler);
            exchange.whenComplete((response, failure) -> {
                if (failure != null) {
                    fail(TransportFailures.map(provider, failure));
                }
            });
        }

        private HttpResponse.BodySubscriber<Void> bodyHandler(HttpResponse.ResponseInfo info) {
            if (info.statusCode() / 100 == 2) {
                return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8,
                        null);
            }
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    text -> {
                        fail(errors.map(info.statusCode(), name -> info.headers().firstValue(name).orElse(null),
                                text));
                        return null;
                    });
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            body = subscription;
            if (isCancelled()) {
                subscription.cancel();
                return;
            }
            armIdleTimer();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            armIdleTimer();
            try {
                parser.line(line);
            } catch (LlmProviderException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(TransportFailures.map(provider, e));
            }
        }

        private void onEvent(SseEvent event) {
            if (decoder.finished()) {
                return;
            }
            for (StreamChunk chunk : decoder.decode(event)) {
                offer(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            fail(TransportFailures.map(provider, failure));
        }

        @Override
        public void onComplete() {
            cancelIdleTimer();
            try {
                parser.end();
                List<StreamChunk> trailing = decoder.complete();
                trailing.forEach(this::offer);
                complete();
            } catch (LlmProviderException e) {
                fail(e);
            }
        }

        @Override
        protected void stopUpstream() {
            cancelIdleTimer();
            Flow.Subscription subscription = body;
            if (subscription != null) {
                subscription.cancel();
            }
            CompletableFuture<HttpResponse<Void>> call = exchange;
            if (call != null) {
                call.cancel(true);
            }
        }

        private void armIdleTimer() {
            cancelIdleTimer();
            idle = timer.schedule(() -> fail(new ProviderTimeoutException(provider, 0, "idle_timeout",
                    "no stream data for " + idleTimeout.toMillis() + " ms")), idleTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void cancelIdleTimer() {
            ScheduledFuture<?> pending = idle;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
