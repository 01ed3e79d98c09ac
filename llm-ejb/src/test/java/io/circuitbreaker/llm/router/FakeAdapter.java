package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** A scripted adapter: per base URL, a queue of outcomes; records every call. Fakes the upstream, not the router. */
final class FakeAdapter implements LlmProviderClient {

    /** One scripted outcome: a response, an error, or for streams chunks followed by an optional error. */
    record Script(ChatResponse response, List<StreamChunk> chunks, LlmProviderException error, boolean hangs) {
        Script(ChatResponse response, List<StreamChunk> chunks, LlmProviderException error) {
            this(response, chunks, error, false);
        }

        /** A complete call that never answers: a slow upstream. */
        static Script hang() {
            return new Script(null, List.of(), null, true);
        }

        /** A stream that sends its chunks and then neither ends nor fails: a silent upstream. */
        static Script streamThenHang(List<StreamChunk> chunks) {
            return new Script(null, chunks, null, true);
        }

        static Script answer(String text) {
            return new Script(FakeAdapter.response(text), List.of(), null);
        }

        static Script error(LlmProviderException e) {
            return new Script(null, List.of(), e);
        }

        static Script stream(List<StreamChunk> chunks, LlmProviderException errorAfter) {
            return new Script(null, chunks, errorAfter);
        }
    }

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> keysSeen = new CopyOnWriteArrayList<>();
    final AtomicBoolean streamCancelled = new AtomicBoolean();
    /** Whether a hanging complete call was cancelled by the router (the adapter would abort its exchange). */
    final AtomicBoolean completionCancelled = new AtomicBoolean();
    private final Map<String, Deque<Script>> scripts = new ConcurrentHashMap<>();
    private final ProviderType type;

    FakeAdapter(ProviderType type) {
        this.type = type;
    }

    FakeAdapter script(String baseUrl, Script... outcomes) {
        scripts.computeIfAbsent(baseUrl, k -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    long callsTo(String baseUrl) {
        return calls.stream().filter(c -> c.startsWith(baseUrl)).count();
    }

    private Script nextFor(ProviderEndpoint endpoint) {
        Deque<Script> queue = scripts.get(endpoint.baseUrl().toString());
        Script script = queue == null ? null : queue.poll();
        if (script == null) {
            throw new AssertionError("unexpected call to " + endpoint.baseUrl());
        }
        return script;
    }

    @Override
    public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request, String key) {
        calls.add(endpoint.baseUrl() + " " + request.model());
        keysSeen.add(key);
        Script script = nextFor(endpoint);
        if (script.hangs()) {
            // an upstream that has not answered yet
            CompletableFuture<ChatResponse> pending = new CompletableFuture<>();
            pending.whenComplete((response, failure) -> completionCancelled.set(pending.isCancelled()));
            return pending;
        }
        return script.error() != null ? CompletableFuture.failedFuture(script.error())
                : CompletableFuture.completedFuture(script.response());
    }

    @Override
    public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request,
            String key) {
        return subscriber -> {
            calls.add(endpoint.baseUrl() + " " + request.model());
            Script script = nextFor(endpoint);
            AtomicBoolean cancelled = new AtomicBoolean();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                    streamCancelled.set(true);
                }
            });
            for (StreamChunk chunk : script.chunks()) {
                if (cancelled.get()) {
                    return;
                }
                subscriber.onNext(chunk);
            }
            if (cancelled.get() || script.hangs()) {
                return;
            }
            if (script.error() != null) {
                subscriber.onError(script.error());
            } else {
                subscriber.onComplete();
            }
        };
    }

    @Override
    public ProviderType providerType() {
        return type;
    }

    @Override
    public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        throw new UnsupportedOperationException("not used by router tests");
    }

    static ChatResponse response(String text) {
        return new ChatResponse("r1", "m", ProviderType.OPENAI,
                List.of(new Choice(0, text, null, List.of(), FinishReason.of(FinishReason.Kind.STOP, "stop"))),
                Usage.of(100, 50));
    }
}
