package io.circuitbreaker.llm.api.request;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.CompletableFuture;

/**
 * Cancels an answer still being routed when the container reports the request over: an error on the connection, or
 * the asynchronous timeout. Cancelling stops the routing (no retry, no fallback) and aborts the upstream call.
 *
 * <p>Open Liberty 26.0.0.3 reports nothing when a client closes its connection while an asynchronous request waits
 * with nothing to write: there the timeout is the only signal. Containers that report the close get the cancel at
 * once.
 */
public final class CancelWhenGone implements AsyncListener {

    private final CompletableFuture<?> answer;

    public CancelWhenGone(CompletableFuture<?> answer) {
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
