package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
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
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpRequestException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;

/**
 * Maps what the HTTP clients throw (timeouts, resets, refused connections) to the typed errors, and makes the
 * timeouts the data plane enforces itself, so every transport reports them alike.
 */
public final class TransportFailures {

    /** What Jetty's selector fails a connection attempt with when the connect timeout passes. */
    private static final String JETTY_CONNECT_TIMEOUT = "Connect Timeout";

    private TransportFailures() {
    }

    public static LlmProviderException map(ProviderType provider, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof LlmProviderException typed) {
            return typed;
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (t instanceof HttpConnectTimeoutException
                || (t instanceof SocketTimeoutException && JETTY_CONNECT_TIMEOUT.equals(t.getMessage()))) {
            return new ProviderTimeoutException(provider, 0, "connect_timeout", "connect timeout: " + what, t);
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                || t instanceof TimeoutException || t instanceof InterruptedIOException) {
            return new ProviderTimeoutException(provider, 0, "timeout", "no answer in time: " + what, t);
        }
        if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof IOException
                // Jetty: an answer that is not HTTP, or a request it could not send
                || t instanceof HttpException || t instanceof HttpResponseException
                || t instanceof HttpRequestException
                // Jetty: every connection to this upstream is busy and its queue is full
                || t instanceof RejectedExecutionException) {
            return new ProviderConnectionException(provider, 0, "connection", "connection failed: " + what, t);
        }
        if (t instanceof CancellationException) {
            return new ProviderConnectionException(provider, 0, "cancelled", "request cancelled", t);
        }
        return new UpstreamErrorException(provider, 0, t.getClass().getSimpleName(), what, t);
    }

    /** No response headers within the first-byte limit (the connection time included). */
    public static ProviderTimeoutException firstByteTimeout(ProviderType provider, Duration limit) {
        return new ProviderTimeoutException(provider, 0, "timeout",
                "no answer in time: no response headers within " + limit.toMillis() + " ms");
    }

    /** A stream silent for longer than the idle limit. */
    public static ProviderTimeoutException idleTimeout(ProviderType provider, Duration limit) {
        return new ProviderTimeoutException(provider, 0, "idle_timeout",
                "no stream data for " + limit.toMillis() + " ms");
    }

    /** A complete answer whose body did not arrive in full within the idle limit after its headers. */
    public static ProviderTimeoutException bodyTimeout(ProviderType provider, Duration limit) {
        return new ProviderTimeoutException(provider, 0, "timeout",
                "no answer in time: the body did not arrive within " + limit.toMillis() + " ms of the headers");
    }

    /** A body (or a stream line) over the size the gateway accepts. */
    public static MalformedResponseException tooLarge(ProviderType provider, int status, long limit) {
        return new MalformedResponseException(provider, status, "response_too_large",
                "the upstream answer is larger than " + limit + " bytes");
    }

    /** Digs through wrappers (CompletionException, ProcessingException, ...) to the transport's own exception. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof CompletionException || t instanceof ExecutionException
                        || t.getClass().getName().startsWith("jakarta.ws.rs.")
                        || t.getClass().getName().startsWith("org.jboss.resteasy")
                        || (t instanceof RuntimeException && !(t instanceof LlmProviderException)
                                && (isTransport(t.getCause()) || t.getCause() instanceof LlmProviderException)))) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTransport(Throwable cause) {
        return cause instanceof IOException || cause instanceof TimeoutException;
    }
}
