package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.StreamSummary;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.http.ChunkSubscription;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * A routed stream: the caller's subscription, fed by one upstream stream at a time. Until the first chunk has been
 * handed to the caller a failed upstream is retried or replaced (same rules as complete answers); once a chunk went
 * out the stream is committed to that deployment, and an upstream failure ends it with the typed error.
 */
final class StreamAttempts extends ChunkSubscription {

    private final Flow.Subscriber<? super StreamChunk> downstream;
    private final Consumer<StreamSummary> onFinish;
    private final Consumer<Deployment> onCommit;
    private final Loop loop;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Flow.Subscription upstream;
    private volatile boolean committed;
    private volatile long firstChunkNanos;
    private volatile Usage usage;
    private volatile Deployment current;

    StreamAttempts(RouterWiring wiring, Resolution resolution, ChatRequest request, List<Deployment> ordered,
            Flow.Subscriber<? super StreamChunk> downstream, Consumer<StreamSummary> onFinish,
            Consumer<Deployment> onCommit) {
        super(downstream);
        this.downstream = downstream;
        this.onFinish = onFinish;
        this.onCommit = onCommit;
        this.loop = new Loop(wiring, resolution, request, ordered);
    }

    void start() {
        downstream.onSubscribe(this);
        loop.next();
    }

    @Override
    protected void stopUpstream() {
        loop.cancelPendingRetry();
        Flow.Subscription subscription = upstream;
        if (subscription != null) {
            subscription.cancel();
        }
        if (isCancelled()) {
            Loop.AttemptSubscriber attempt = loop.inFlight;
            if (attempt != null) {
                attempt.abandoned();
            }
            finish(null, true);
        }
    }

    private void finish(LlmProviderException error, boolean cancelled) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        Duration firstToken = committed ? Duration.ofNanos(firstChunkNanos - startNanos) : null;
        try {
            onFinish.accept(new StreamSummary(current, List.copyOf(loop.attemptsSoFar()), usage,
                    current == null ? Optional.empty() : RouterEngine.cost(current, usage), firstToken,
                    Duration.ofNanos(now - startNanos), Optional.ofNullable(error), cancelled));
        } catch (RuntimeException e) {
            RouterEngine.LOG.log(Level.WARNING, "stream summary callback failed", e);
        }
    }

    private final class Loop extends AttemptLoop {

        private final ChatRequest request;

        Loop(RouterWiring wiring, Resolution resolution, ChatRequest request, List<Deployment> ordered) {
            super(wiring, resolution, ordered);
            this.request = request;
        }

        /** The attempt whose upstream call is open, so a cancelled stream can still tell its breaker. */
        volatile AttemptSubscriber inFlight;

        List<Attempt> attemptsSoFar() {
            return attempts;
        }

        @Override
        protected void call(Deployment deployment, CircuitBreaker breaker, String apiKey) {
            current = deployment;
            long start = System.nanoTime();
            Flow.Publisher<StreamChunk> publisher;
            try {
                publisher = wiring.adapters().apply(deployment.type()).chatCompletionStream(
                        wiring.endpoints().apply(deployment), request.withModel(deployment.model().id()), apiKey);
            } catch (RuntimeException e) {
                failed(deployment, breaker, TransportFailures.map(deployment.type(), e), start);
                return;
            }
            AttemptSubscriber attempt = new AttemptSubscriber(deployment, breaker, start);
            inFlight = attempt;
            publisher.subscribe(attempt);
        }

        @Override
        protected void giveUp(RoutingFailedException failure) {
            finish(failure.upstreamError().orElse(null), false);
            fail(failure);
        }

        @Override
        protected boolean stopped() {
            return isCancelled() || finished.get();
        }

        /** Receives one upstream attempt's chunks. */
        private final class AttemptSubscriber implements Flow.Subscriber<StreamChunk> {

            private final Deployment deployment;
            private final CircuitBreaker breaker;
            private final long start;
            /** Set once the breaker has heard this attempt's outcome: it must hear exactly one. */
            private final AtomicBoolean reported = new AtomicBoolean();

            AttemptSubscriber(Deployment deployment, CircuitBreaker breaker, long start) {
                this.deployment = deployment;
                this.breaker = breaker;
                this.start = start;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                if (stopped()) {
                    subscription.cancel();
                    abandoned();
                    return;
                }
                upstream = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(StreamChunk chunk) {
                if (!committed) {
                    firstChunkNanos = System.nanoTime();
                    committed = true;
                    wiring.latency().recordFirstToken(deployment, Duration.ofNanos(firstChunkNanos - start));
                    onCommit.accept(deployment);
                }
                if (chunk.usage() != null) {
                    usage = chunk.usage();
                }
                offer(chunk);
            }

            /**
             * The caller cancelled while this attempt was open. Its breaker must still hear an outcome: a half-open
             * breaker lets exactly one trial through and waits for its result, so an unreported trial would keep the
             * deployment refused until restart. Chunks already flowed: the upstream served well (success). None yet:
             * it says nothing about the deployment (ignored, which frees the trial).
             */
            void abandoned() {
                if (!reported.compareAndSet(false, true)) {
                    return;
                }
                if (committed) {
                    breaker.onSuccess();
                } else {
                    breaker.onIgnored();
                }
            }

            @Override
            public void onError(Throwable throwable) {
                if (!reported.compareAndSet(false, true)) {
                    return; // cancelled by the caller first: the breaker has heard
                }
                LlmProviderException error = TransportFailures.map(deployment.type(), throwable);
                if (!committed) {
                    failed(deployment, breaker, error, start);
                    return;
                }
                // text already reached the caller: a restart elsewhere would repeat it
                recordFailure(deployment, breaker, error, start);
                finish(error, false);
                fail(error);
            }

            @Override
            public void onComplete() {
                if (!reported.compareAndSet(false, true)) {
                    return;
                }
                succeeded(deployment, breaker, start);
                finish(null, false);
                complete();
            }
        }
    }
}
