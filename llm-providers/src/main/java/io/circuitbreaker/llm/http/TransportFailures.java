package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.error.UpstreamErrorException;
import io.circuitbreaker.llm.spi.ProviderType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps what the HTTP clients throw (timeouts, resets, refused connections) to the typed errors. */
public final class TransportFailures {

    private TransportFailures() {
    }

    public static LlmProviderException map(ProviderType provider, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof LlmProviderException typed) {
            return typed;
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (t instanceof HttpConnectTimeoutException) {
            return new ProviderTimeoutException(provider, 0, "connect_timeout", "connect timeout: " + what, t);
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                || t instanceof TimeoutException || t instanceof InterruptedIOException) {
            return new ProviderTimeoutException(provider, 0, "timeout", "no answer in time: " + what, t);
        }
        if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof IOException) {
            return new ProviderConnectionException(provider, 0, "connection", "connection failed: " + what, t);
        }
        if (t instanceof CancellationException) {
            return new ProviderConnectionException(provider, 0, "cancelled", "request cancelled", t);
        }
        return new UpstreamErrorException(provider, 0, t.getClass().getSimpleName(), what, t);
    }

    /** Digs through wrappers (CompletionException, ProcessingException, ...) to the transport's own exception. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof CompletionException || t instanceof ExecutionException
                        || t.getClass().getName().startsWith("jakarta.ws.rs.")
                        || t.getClass().getName().startsWith("org.jboss.resteasy")
                        || (t instanceof RuntimeException && !(t instanceof LlmProviderException)
                                && isTransport(t.getCause())))) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTransport(Throwable cause) {
        return cause instanceof IOException || cause instanceof TimeoutException;
    }
}
