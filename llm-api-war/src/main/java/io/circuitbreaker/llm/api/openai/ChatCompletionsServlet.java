package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatReply;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.chat.ChatStream;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.relay.StreamRelay;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code POST /v1/chat/completions}, OpenAI's endpoint, for every provider the router knows.
 *
 * <p>A servlet rather than a JAX-RS resource because one URL answers either JSON or server-sent events depending on
 * the body's {@code stream} flag, which content negotiation cannot express, and because streaming needs what the
 * servlet API gives directly: headers written at the first chunk (they name the provider that answered), a flush per
 * chunk, and a failed write that tells the client has gone, so the upstream request is cancelled. Both modes release
 * the request thread at once ({@link AsyncContext}); answers are written on the HTTP client's threads.
 */
@WebServlet(urlPatterns = "/v1/chat/completions", asyncSupported = true)
public class ChatCompletionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChatCompletionsServlet.class.getName());
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** A backstop only: the router's connect, first-byte and idle limits end a stuck upstream long before this. */
    static final long ASYNC_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

    @Inject
    transient ChatService chat;

    /** Body size and message count limits, from configuration at {@link #init()}. */
    transient RequestLimits limits = RequestLimits.DEFAULTS;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    /**
     * POST only; any other method is a 405 with {@code Allow: POST} in OpenAI's shape. Overridden here because
     * {@link HttpServlet} answers GET and PUT with the container's HTML error page, and a method it does not know
     * (PATCH, before Servlet 6.1) with 501.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        OpenAiResponses.error(response, OpenAiError.methodNotAllowed(request.getMethod(), "/v1/chat/completions"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String requestId = requestId(request);
        response.setHeader(RoutingHeaders.REQUEST_ID, requestId);
        OpenAiChatRequest parsed;
        try {
            parsed = OpenAiRequestParser.parse(body(request), limits.maxMessages());
        } catch (InvalidOpenAiRequest e) {
            OpenAiResponses.error(response, OpenAiErrorMapper.map(e));
            return;
        }
        ChatCall call = new ChatCall(ApiKeyFilter.caller(request).id(), requestId, parsed.request());
        String completionId = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        if (parsed.stream()) {
            StreamRelay relay = new StreamRelay(response, new OpenAiStreamFormat(new OpenAiChunkWriter(completionId,
                    created, parsed.includeUsage())), start);
            ChatStream stream;
            try {
                stream = chat.stream(call, relay::committedTo);
            } catch (GatewayException refused) {
                // refused, or no deployment can serve it, before any upstream call: an ordinary error answer
                OpenAiResponses.error(response, refused);
                return;
            }
            stream.rateLimitHeaders().forEach(response::setHeader);
            relay.start(startAsync(request), stream.chunks());
            return;
        }
        ChatReply reply;
        try {
            reply = chat.complete(call);
        } catch (GatewayException refused) {
            // unknown model, key, rate limit or budget: answered before anything goes upstream
            OpenAiResponses.error(response, refused);
            return;
        }
        reply.rateLimitHeaders().forEach(response::setHeader);
        AsyncContext async = startAsync(request);
        CompletableFuture<RoutedResponse> pending = reply.answer().toCompletableFuture();
        async.addListener(new ClientGone(pending));
        pending.whenComplete((routed, failure) -> {
            try {
                if (pending.isCancelled()) {
                    // the client went away, or the backstop timeout ended the wait: a client still there learns so
                    LOG.log(Level.FINE, "chat completion {0} cancelled", requestId);
                    OpenAiResponses.error(response, new OpenAiError(504, "api_error", "timeout", null,
                            "the request was cancelled before an answer arrived", null));
                } else if (failure == null) {
                    answer(response, routed, completionId, created, start);
                } else {
                    if (OpenAiErrorMapper.map(failure).status() == 500) {
                        LOG.log(Level.WARNING, "chat completion " + requestId + " failed unexpectedly", failure);
                    }
                    OpenAiResponses.error(response, failure);
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not write the answer to " + requestId + " (client gone?)", e);
            } catch (RuntimeException e) {
                failIfUncommitted(response, requestId, e);
            } finally {
                async.complete();
            }
        });
    }

    private static void answer(HttpServletResponse response, RoutedResponse routed, String id, long created,
            long start) throws IOException {
        String model = routed.response().model() == null || routed.response().model().isBlank()
                ? routed.deployment().model().id() : routed.response().model();
        JsonObject body = OpenAiResponseWriter.completion(routed.response(), id, created, model);
        RoutingHeaders.deployment(response, routed.deployment(), routed.route());
        RoutingHeaders.attempts(response, routed.attempts(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        OpenAiResponses.json(response, 200, body);
    }

    /**
     * A write that failed before anything went out (e.g. a header value the container refused) must not leave an
     * empty 200 that reads as an answer: it becomes an error while the status can still change.
     */
    private static void failIfUncommitted(HttpServletResponse response, String requestId, RuntimeException failure) {
        if (response.isCommitted()) {
            LOG.log(Level.FINE, "could not write the answer to " + requestId + " (client gone?)", failure);
            return;
        }
        LOG.log(Level.WARNING, "could not write the answer to " + requestId, failure);
        try {
            response.resetBuffer();
            OpenAiResponses.error(response, failure);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not write the error either (client gone?)", e);
        }
    }

    /**
     * The caller's {@code x-request-id} when it is a plain token (so one id follows a request through the caller's
     * systems and ours), else a new one.
     */
    static String requestId(HttpServletRequest request) {
        String given = request.getHeader(RoutingHeaders.REQUEST_ID);
        return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private static AsyncContext startAsync(HttpServletRequest request) {
        AsyncContext async = request.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        return async;
    }

    /** The body as text, refused with 413 once it is over the limit (see {@link BoundedBody}). */
    private String body(HttpServletRequest request) throws IOException {
        try {
            return new String(BoundedBody.read(request, limits.maxBodyBytes()), StandardCharsets.UTF_8);
        } catch (BodyTooLargeException e) {
            throw InvalidOpenAiRequest.tooLarge(e.limit());
        }
    }
}
