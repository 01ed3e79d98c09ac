package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.concurrent.Flow;

/** A stream that fails its subscriber at once: the request could not even be built, so nothing is sent. */
public final class FailedStream {

    private FailedStream() {
    }

    public static Flow.Publisher<StreamChunk> of(LlmProviderException failure) {
        return subscriber -> {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    // nothing will ever be sent
                }

                @Override
                public void cancel() {
                    // nothing to stop
                }
            });
            subscriber.onError(failure);
        };
    }
}
