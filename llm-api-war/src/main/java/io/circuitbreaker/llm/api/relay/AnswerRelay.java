package io.circuitbreaker.llm.api.relay;

import io.circuitbreaker.llm.api.request.CancelWhenGone;
import io.circuitbreaker.llm.routing.Routed;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a routed complete answer back to the caller, in its API's format ({@link Format}), without holding the request
 * thread: the request goes asynchronous at once and the answer is written on the thread that completes it. Sets the
 * routing headers, cancels the routing when the container reports the request over ({@link CancelWhenGone}), and
 * never leaves an empty 200 behind a write that failed before anything went out.
 */
public final class AnswerRelay {

    private static final Logger LOG = Logger.getLogger(AnswerRelay.class.getName());
    /** A backstop only: the router's connect, first-byte and idle limits end a stuck upstream long before this. */
    public static final long ASYNC_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

    /** One front door's complete chat answer and errors. */
    public interface Format extends Writer<RoutedResponse> {
    }

    /** One front door's complete answer of any use case (chat, embeddings) and errors. */
    public interface Writer<T extends Routed> {

        /** Writes the answer's status, headers and body (the routing headers are already set). */
        void answer(HttpServletResponse response, T routed) throws IOException;

        /** Writes a failure as the API's error answer. */
        void error(HttpServletResponse response, Throwable failure) throws IOException;

        /** Writes the answer for a request cancelled before an answer arrived (a 504 in the API's shape). */
        void cancelled(HttpServletResponse response) throws IOException;

        /** Whether the failure is the gateway's own fault (a 500), worth a warning in the log. */
        boolean unexpected(Throwable failure);
    }

    private AnswerRelay() {
    }

    /** Starts asynchronous processing with the backstop timeout. */
    public static AsyncContext startAsync(HttpServletRequest request) {
        AsyncContext async = request.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        return async;
    }

    /**
     * Relays {@code answer} to the caller once it completes.
     *
     * @param startNanos when the request arrived, for the overhead header
     */
    public static <T extends Routed> void relay(HttpServletRequest request, HttpServletResponse response,
            String requestId, CompletionStage<T> answer, Writer<T> format, long startNanos) {
        AsyncContext async = startAsync(request);
        CompletableFuture<T> pending = answer.toCompletableFuture();
        async.addListener(new CancelWhenGone(pending));
        pending.whenComplete((routed, failure) -> {
            try {
                if (pending.isCancelled()) {
                    // the client went away, or the backstop timeout ended the wait: a client still there learns so
                    LOG.log(Level.FINE, "request {0} cancelled", requestId);
                    format.cancelled(response);
                } else if (failure == null) {
                    RoutingHeaders.deployment(response, routed.deployment(), routed.route());
                    RoutingHeaders.attempts(response, routed.attempts(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                    format.answer(response, routed);
                } else {
                    if (format.unexpected(failure)) {
                        LOG.log(Level.WARNING, "request " + requestId + " failed unexpectedly", failure);
                    }
                    format.error(response, failure);
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not write the answer to " + requestId + " (client gone?)", e);
            } catch (RuntimeException e) {
                failIfUncommitted(response, requestId, format, e);
            } finally {
                async.complete();
            }
        });
    }

    /**
     * A write that failed before anything went out (e.g. a header value the container refused) must not leave an
     * empty 200 that reads as an answer: it becomes an error while the status can still change.
     */
    private static void failIfUncommitted(HttpServletResponse response, String requestId, Writer<?> format,
            RuntimeException failure) {
        if (response.isCommitted()) {
            LOG.log(Level.FINE, "could not write the answer to " + requestId + " (client gone?)", failure);
            return;
        }
        LOG.log(Level.WARNING, "could not write the answer to " + requestId, failure);
        try {
            response.resetBuffer();
            format.error(response, failure);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not write the error either (client gone?)", e);
        }
    }

    /** The model to report: the upstream's own name for it when it gave one, else the deployment's. */
    public static String answeringModel(RoutedResponse routed) {
        String model = routed.response().model();
        return model == null || model.isBlank() ? routed.deployment().model().id() : model;
    }
}
