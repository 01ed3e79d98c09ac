package io.circuitbreaker.llm.api.openai;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.CompletableFuture;

/**
 * Cancels a complete answer still being routed when the container reports the request over: an error on the
 * connection, or the asynchronous timeout. Cancelling stops the routing (no retry, no fallback) and aborts the
 * upstream call, and the usage record says {@code CANCELLED}.
 *
 * <p>Open Liberty 26.0.0.3 reports nothing when a client closes its connection while an asynchronous request waits
 * with nothing to write (no {@code AsyncListener.onError}, no {@code ReadListener.onError}; measured with a raw
 * socket): there the timeout is the only signal. Containers that report the close get the cancel at once.
 */
final class ClientGone implements AsyncListener {

    private final CompletableFuture<?> answer;

    ClientGone(CompletableFuture<?> answer) {
        this.answer = answer;
    }

    @Override
    public void onError(AsyncEvent event) {
        answer.cancel(true);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        answer.cancel(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // answered, or cancelled above
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not re-dispatched
    }
}
