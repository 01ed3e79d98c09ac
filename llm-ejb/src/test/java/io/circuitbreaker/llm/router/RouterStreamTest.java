package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.StreamSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.router.FakeAdapter.Script;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterStreamTest extends RouterFixture {

    static StreamChunk text(String t) {
        return StreamChunk.text("s1", "m", 0, t);
    }

    static StreamChunk usage() {
        return new StreamChunk("s1", "m", 0, "", "", List.of(), null, Usage.of(100, 50));
    }

    /** Subscribes, requests everything, and records what arrived. */
    static final class Sink implements Flow.Subscriber<StreamChunk> {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Flow.Subscription subscription;
        private final boolean cancelAfterFirst;

        Sink(boolean cancelAfterFirst) {
            this.cancelAfterFirst = cancelAfterFirst;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(StreamChunk item) {
            texts.add(item.textDelta());
            if (cancelAfterFirst) {
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    private final AtomicReference<StreamSummary> summary = new AtomicReference<>();

    private Sink stream(boolean cancelAfterFirst) {
        Sink sink = new Sink(cancelAfterFirst);
        engine().stream(resolve("smart"), hello(), summary::set).subscribe(sink);
        return sink;
    }

    @Test
    void failureBeforeTheFirstChunkFallsBack() throws Exception {
        openai.script(PRIMARY, Script.stream(List.of(), new ProviderUnavailableException(ProviderType.OPENAI, 503,
                "x", "down", false, null)), Script.stream(List.of(), new ProviderConnectionException(
                        ProviderType.OPENAI, 0, "reset", "reset")), Script.stream(List.of(),
                                new ProviderUnavailableException(ProviderType.OPENAI, 500, "x", "down", false, null)));
        anthropic.script(SECONDARY, Script.stream(List.of(text("Hel"), text("lo"), usage()), null));
        Sink sink = stream(false);
        sink.done.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Hel", "lo", ""), sink.texts);
        StreamSummary s = summary.get();
        assertEquals("secondary/claude-3-haiku-20240307", s.deployment().key());
        assertEquals(4, s.attempts().size());
        assertEquals(new BigDecimal("0.0000875"), s.cost().orElseThrow().total());
        assertNotNull(s.timeToFirstToken());
        assertTrue(s.error().isEmpty());
    }

    @Test
    void failureAfterTheFirstChunkEndsTheStreamWithoutRestartingElsewhere() throws Exception {
        openai.script(PRIMARY, Script.stream(List.of(text("partial ")), new ProviderConnectionException(
                ProviderType.OPENAI, 0, "reset", "connection reset")));
        Sink sink = stream(false);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> sink.done.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ProviderConnectionException.class, e.getCause());
        assertEquals(List.of("partial "), sink.texts, "no text repeated from another deployment");
        assertEquals(0, anthropic.calls.size());
        assertEquals(1, openai.callsTo(PRIMARY), "no retry once text went out");
        assertTrue(summary.get().error().isPresent());
    }

    @Test
    void cancellingTheCallerCancelsTheUpstream() throws Exception {
        openai.script(PRIMARY, Script.stream(List.of(text("a"), text("b"), text("c")), null));
        Sink sink = stream(true);
        assertEquals(List.of("a"), sink.texts);
        assertTrue(openai.streamCancelled.get());
        assertTrue(summary.get().cancelled());
    }

    /** Issue 16, item 1: a cancelled half-open trial used to leave its breaker refusing every call until restart. */
    @Test
    void aCancelledTrialBeforeItsFirstChunkFreesTheHalfOpenBreaker() throws Exception {
        CircuitBreaker breaker = halfOpenPrimary();
        openai.script(PRIMARY, Script.streamThenHang(List.of()));
        Sink sink = stream(false);
        assertEquals(1, openai.callsTo(PRIMARY), "the trial went to the primary");
        assertFalse(breaker.isAvailable(), "while the trial is open no second call is let through");
        sink.subscription.cancel();
        assertTrue(openai.streamCancelled.get());
        assertTrue(breaker.isAvailable(), "the abandoned trial says nothing about the upstream; a new one may go");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(summary.get().cancelled());
    }

    @Test
    void aCancelledTrialAfterItsFirstChunkClosesTheBreaker() throws Exception {
        CircuitBreaker breaker = halfOpenPrimary();
        openai.script(PRIMARY, Script.streamThenHang(List.of(text("a"), text("b"))));
        Sink sink = stream(true);
        assertEquals(List.of("a"), sink.texts);
        assertTrue(openai.streamCancelled.get());
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "the upstream was answering: the trial succeeded");
    }

    /** The primary's breaker opened by three failures, its cool-down over: the next call is its half-open trial. */
    private CircuitBreaker halfOpenPrimary() {
        CircuitBreaker breaker = breakers.forDeployment("primary/gpt-4o");
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        now.set(now.get().plusSeconds(31));
        return breaker;
    }

    @Test
    void everyCandidateFailingBeforeAnyChunkGivesARoutingFailure() throws Exception {
        keys.clear();
        Sink sink = stream(false);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> sink.done.get(5, TimeUnit.SECONDS));
        RoutingFailedException failure = assertInstanceOf(RoutingFailedException.class, e.getCause());
        assertEquals(2, failure.attempts().size());
        assertEquals(Attempt.Outcome.SKIPPED_NO_KEY, failure.attempts().get(0).outcome());
    }
}
