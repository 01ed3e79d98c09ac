package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One complete (non-streamed) exchange on the shared Jetty client: the answer's status, headers and body text, of
 * any status (the adapter types the errors), or a typed failure.
 *
 * <p>The stage completes on a Jetty thread, under the thread context of the caller of {@link #send}.
 *
 * <p>Time limits: the response headers must arrive within the first-byte limit of sending, and the whole body within
 * the idle limit of the headers; so an upstream trickling a byte at a time cannot hold a request longer than
 * first-byte plus idle. A body over {@link ReplyBuffer#MAX_BODY_BYTES} is refused as a malformed answer.
 */
public final class UpstreamCall {

    private final ProviderType provider;
    private final ProviderEndpoint endpoint;
    private final CompletableFuture<UpstreamReply> result = new CompletableFuture<>();
    private final Scheduler scheduler = UpstreamHttp.scheduler();
    private final int maxBodyBytes;
    /** The caller's thread context, under which the stage completes (see {@link ThreadContexts}). */
    private final Executor callerContext = ThreadContexts.capture();
    private volatile Request request;
    private volatile Scheduler.Task deadline;
    private ReplyBuffer body;

    UpstreamCall(ProviderType provider, ProviderEndpoint endpoint, int maxBodyBytes) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sends the request; the stage completes with the reply or with an {@link LlmProviderException}. */
    public static CompletableFuture<UpstreamReply> send(ProviderType provider, UpstreamRequest request) {
        return send(provider, request, ReplyBuffer.MAX_BODY_BYTES);
    }

    /**
     * Sends the request for {@code owner}, the adapter's own stage: when that is cancelled (the caller went away or
     * gave up) the exchange is aborted and its connection closed, so the upstream stops generating an answer nobody
     * will read.
     */
    public static CompletableFuture<UpstreamReply> send(ProviderType provider, UpstreamRequest request,
            CompletableFuture<?> owner) {
        CompletableFuture<UpstreamReply> reply = send(provider, request);
        owner.whenComplete((value, failure) -> {
            if (owner.isCancelled()) {
                reply.cancel(true);
            }
        });
        return reply;
    }

    static CompletableFuture<UpstreamReply> send(ProviderType provider, UpstreamRequest request, int maxBodyBytes) {
        UpstreamCall call = new UpstreamCall(provider, request.endpoint(), maxBodyBytes);
        // cancelling the stage aborts the exchange
        call.result.whenComplete((reply, failure) -> {
            if (call.result.isCancelled()) {
                call.cancelExchange();
            }
        });
        try {
            call.start(request.newJettyRequest());
        } catch (RuntimeException e) {
            call.result.completeExceptionally(TransportFailures.map(provider, e));
        }
        return call.result;
    }

    private void start(Request jetty) {
        request = jetty;
        if (result.isCancelled()) {
            cancelExchange();
            return;
        }
        deadline = scheduler.schedule(() -> abort(TransportFailures.firstByteTimeout(provider,
                endpoint.firstByteTimeout())), endpoint.firstByteTimeout().toMillis(), TimeUnit.MILLISECONDS);
        jetty.onResponseHeaders(this::onHeaders)
                .onResponseContent(this::onContent)
                .send(outcome -> callerContext.execute(() -> onComplete(outcome)));
    }

    private void onHeaders(Response response) {
        cancelDeadline();
        long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (ReplyBuffer.tooLarge(length, maxBodyBytes)) {
            abort(TransportFailures.tooLarge(provider, response.getStatus(), maxBodyBytes));
            return;
        }
        body = new ReplyBuffer(length, maxBodyBytes);
        deadline = scheduler.schedule(() -> abort(TransportFailures.bodyTimeout(provider, endpoint.idleTimeout())),
                endpoint.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onContent(Response response, ByteBuffer content) {
        if (body != null && !body.append(content)) {
            body = null;
            abort(TransportFailures.tooLarge(provider, response.getStatus(), maxBodyBytes));
        }
    }

    private void onComplete(Result outcome) {
        cancelDeadline();
        if (outcome.isFailed()) {
            result.completeExceptionally(TransportFailures.map(provider, outcome.getFailure()));
            return;
        }
        Response response = outcome.getResponse();
        HttpFields headers = response.getHeaders().asImmutable();
        result.complete(new UpstreamReply(response.getStatus(), headers::get, body == null ? "" : body.text()));
    }

    private void abort(LlmProviderException failure) {
        cancelDeadline();
        // Jetty closes the connection and completes the exchange with this failure (see onComplete)
        request.abort(failure);
    }

    private void cancelExchange() {
        cancelDeadline();
        Request jetty = request;
        if (jetty != null) {
            // closes the connection; a no-op once the exchange is over
            jetty.abort(new CancellationException("cancelled by the caller"));
        }
    }

    private void cancelDeadline() {
        Scheduler.Task pending = deadline;
        if (pending != null) {
            pending.cancel();
        }
    }
}
