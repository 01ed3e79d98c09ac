package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.StreamSummary;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Watches a streamed miss on its way to the caller and hands over the complete answer it amounted to, once the
 * stream has both ended normally (its subscriber saw {@code onComplete}) and been summed up by the router (the
 * summary: deployment, cost, no error, not cancelled), whichever comes second. A stream cut short, failed or
 * cancelled hands over nothing.
 */
public final class StreamCapture {

    /** What the capture hands over. */
    public record Captured(ChatResponse response, StreamSummary summary) {
    }

    private final StreamAssembler assembler = new StreamAssembler();
    private final Consumer<Captured> onAnswer;
    private boolean completed;
    private StreamSummary summary;
    private boolean failed;

    public StreamCapture(Consumer<Captured> onAnswer) {
        this.onAnswer = onAnswer;
    }

    /** The chunks, watched on their way. */
    public Flow.Publisher<StreamChunk> watch(Flow.Publisher<StreamChunk> chunks) {
        return subscriber -> chunks.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(StreamChunk chunk) {
                synchronized (StreamCapture.this) {
                    assembler.add(chunk);
                }
                subscriber.onNext(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                synchronized (StreamCapture.this) {
                    failed = true;
                }
                subscriber.onError(failure);
            }

            @Override
            public void onComplete() {
                synchronized (StreamCapture.this) {
                    completed = true;
                }
                handOver();
                subscriber.onComplete();
            }
        });
    }

    /** The router's summary of the stream. */
    public void summary(StreamSummary ended) {
        synchronized (this) {
            summary = ended;
        }
        handOver();
    }

    private void handOver() {
        Captured captured;
        synchronized (this) {
            if (!completed || summary == null || failed || summary.cancelled() || summary.error().isPresent()
                    || summary.deployment() == null) {
                return;
            }
            StreamSummary ended = summary;
            summary = null; // hand over once
            captured = assembler.answer(ended.deployment().type(), ended.usage())
                    .map(answer -> new Captured(answer, ended)).orElse(null);
        }
        if (captured != null) {
            onAnswer.accept(captured);
        }
    }
}
