package io.circuitbreaker.llm.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.error.RetryAfter;
import io.circuitbreaker.llm.error.UpstreamErrors;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The streaming transport with a minimal decoder: one chunk per data line, "[DONE]" ends the stream. */
@WireMockTest
class SseStreamPublisherTest {

    /** Test decoder: each data line is a text delta; [DONE] is the end marker. */
    static final class LineDecoder implements StreamDecoder {
        private boolean finished;

        @Override
        public List<StreamChunk> decode(SseEvent event) {
            if (event.data().equals("[DONE]")) {
                finished = true;
                return List.of();
            }
            return List.of(StreamChunk.text("id", "m", 0, event.data()));
        }

        @Override
        public boolean finished() {
            return finished;
        }

        @Override
        public List<StreamChunk> complete() {
            if (!finished) {
                throw new MalformedResponseException(ProviderType.OPENAI, 200, "truncated", "stream cut off");
            }
            return List.of();
        }
    }

    private static final ErrorResponseMapper ERRORS = (status, headers, body) -> UpstreamErrors.fromStatus(
            ProviderType.OPENAI, status, UpstreamErrors.Hints.of("test", body), RetryAfter.from(headers,
                    Instant.now()));

    static SseStreamPublisher publisher(String url, Duration firstByte, Duration idle) {
        ProviderEndpoint endpoint = new ProviderEndpoint(ProviderType.OPENAI, URI.create(url), Duration.ofSeconds(2),
                firstByte, idle, null);
        return new SseStreamPublisher(UpstreamRequest.postJson(endpoint, URI.create(url), "{}"), ProviderType.OPENAI,
                LineDecoder::new, ERRORS);
    }

    /** Collects everything; completes the future on onComplete/onError. */
    static class Collector implements Flow.Subscriber<StreamChunk> {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
        final CompletableFuture<List<String>> done = new CompletableFuture<>();
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(StreamChunk item) {
            texts.add(item.textDelta());
            arrivals.add(item.textDelta());
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(texts);
        }
    }

    private static LlmProviderException failureOf(Collector collector) throws Exception {
        try {
            collector.done.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (LlmProviderException) e.getCause();
        }
        throw new AssertionError("stream completed but an error was expected: " + collector.texts);
    }

    @Test
    void deliversEveryEventAndCompletesAfterTheEndMarker(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: a\n\ndata: b\r\n\r\n: comment\n\ndata: c\n\ndata: [DONE]\n\n")));
        Collector collector = new Collector();
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(collector);
        assertEquals(List.of("a", "b", "c"), collector.done.get(10, TimeUnit.SECONDS));
    }

    @Test
    void streamCutOffBeforeTheEndMarkerIsAnErrorNotASuccess(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withBody("data: a\n\ndata: b\n\n")));
        Collector collector = new Collector();
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(collector);
        assertInstanceOf(MalformedResponseException.class, failureOf(collector));
        assertEquals(List.of("a", "b"), collector.texts);
    }

    @Test
    void errorStatusIsMappedWithItsHeaders(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withStatus(429).withHeader("retry-after", "3")
                .withBody("slow down")));
        Collector collector = new Collector();
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(collector);
        LlmProviderException e = failureOf(collector);
        assertInstanceOf(RateLimitedException.class, e);
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertTrue(collector.texts.isEmpty());
    }

    @Test
    void connectionResetIsARetryableConnectionError(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Collector collector = new Collector();
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(collector);
        LlmProviderException e = failureOf(collector);
        assertInstanceOf(ProviderConnectionException.class, e);
        assertTrue(e.retryable());
    }

    @Test
    void noHeadersWithinTheFirstByteTimeoutIsATimeout(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withFixedDelay(3000).withBody("data: [DONE]\n\n")));
        Collector collector = new Collector();
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofMillis(300), Duration.ofSeconds(5)).subscribe(collector);
        assertInstanceOf(ProviderTimeoutException.class, failureOf(collector));
    }

    @Test
    void silenceBetweenChunksBeyondTheIdleTimeoutIsATimeout() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            Collector collector = new Collector();
            publisher(upstream.baseUrl() + "/s", Duration.ofSeconds(5), Duration.ofMillis(300)).subscribe(collector);
            assertTrue(upstream.requestReceived.await(5, TimeUnit.SECONDS));
            upstream.send("first");
            LlmProviderException e = failureOf(collector);
            assertInstanceOf(ProviderTimeoutException.class, e);
            assertEquals("idle_timeout", e.providerCode());
            assertEquals(List.of("first"), collector.texts);
            assertTrue(upstream.clientClosed.await(5, TimeUnit.SECONDS), "the timed-out exchange is aborted");
        }
    }

    @Test
    void timeTheGatewaySpendsOnArrivedDataIsNotUpstreamSilence(WireMockRuntimeInfo wm) throws Exception {
        // regression (CI, FaultSuiteIT): a callback stalled past the idle limit by a busy machine made the watch
        // fire, and the rest of a stream that had already arrived was dropped behind an idle_timeout
        wm.getWireMock().register(post("/s").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: a\n\ndata: b\n\ndata: c\n\ndata: [DONE]\n\n")));
        Collector slowFirst = new Collector() {
            @Override
            public void onNext(StreamChunk item) {
                if (texts.isEmpty()) {
                    try {
                        Thread.sleep(900);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.onNext(item);
            }
        };
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofMillis(300)).subscribe(slowFirst);
        assertEquals(List.of("a", "b", "c"), slowFirst.done.get(10, TimeUnit.SECONDS));
    }

    @Test
    void eachChunkIsDeliveredBeforeTheUpstreamSendsTheNext() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            Collector collector = new Collector();
            publisher(upstream.baseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(collector);
            assertTrue(upstream.requestReceived.await(5, TimeUnit.SECONDS));
            for (String text : List.of("one", "two", "three")) {
                upstream.send(text);
                // the next event is written only after this one reached the subscriber: nothing is held back
                assertEquals(text, collector.arrivals.poll(5, TimeUnit.SECONDS));
            }
            upstream.send("[DONE]");
            upstream.finish();
            assertEquals(List.of("one", "two", "three"), collector.done.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void cancellingTheSubscriptionAbortsTheUpstreamRequest() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            Collector collector = new Collector();
            publisher(upstream.baseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(30)).subscribe(collector);
            assertTrue(upstream.requestReceived.await(5, TimeUnit.SECONDS));
            upstream.send("first");
            assertEquals("first", collector.arrivals.poll(5, TimeUnit.SECONDS));
            collector.subscription.cancel();
            assertTrue(upstream.clientClosed.await(5, TimeUnit.SECONDS), "upstream connection closed on cancel");
            upstream.send("after-cancel");
            assertEquals(null, collector.arrivals.poll(300, TimeUnit.MILLISECONDS));
            assertTrue(!collector.done.isDone(), "a cancelled subscription receives no terminal signal");
        }
    }

    @Test
    void demandIsHonoured(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/s").willReturn(aResponse().withBody("data: a\n\ndata: b\n\ndata: [DONE]\n\n")));
        CountDownLatch first = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Flow.Subscription[] holder = new Flow.Subscription[1];
        publisher(wm.getHttpBaseUrl() + "/s", Duration.ofSeconds(5), Duration.ofSeconds(5)).subscribe(
                new Flow.Subscriber<>() {
                    public void onSubscribe(Flow.Subscription s) {
                        holder[0] = s;
                        s.request(1);
                    }

                    public void onNext(StreamChunk item) {
                        got.add(item.textDelta());
                        first.countDown();
                    }

                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    public void onComplete() {
                        done.complete(null);
                    }
                });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertEquals(List.of("a"), got, "only what was requested is delivered");
        holder[0].request(5);
        done.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("a", "b"), got);
    }
}
