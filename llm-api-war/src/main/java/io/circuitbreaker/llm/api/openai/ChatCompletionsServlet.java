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
import io.circuitbreaker.llm.api.request.CancelWhenGone;
import io.circuitbreaker.llm.api.request.RequestIds;
import io.circuitbreaker.llm.api.relay.AnswerRelay;
import io.circuitbreaker.llm.api.relay.StreamRelay;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
        String requestId = RequestIds.of(request);
        response.setHeader(RoutingHeaders.REQUEST_ID, requestId);
        OpenAiChatRequest parsed;
        try {
            parsed = OpenAiRequestParser.parse(body(request), limits.maxMessages());
        } catch (InvalidOpenAiRequest e) {
            OpenAiResponses.error(response, OpenAiErrorMapper.map(e));
            return;
        }
        ChatCall call = new ChatCall(ApiKeyFilter.caller(request).id(), requestId, parsed.request(),
                RoutingHeaders.cacheDirective(request));
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
            RoutingHeaders.cache(response, stream.cache());
            relay.start(AnswerRelay.startAsync(request), stream.chunks());
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
        RoutingHeaders.cache(response, reply.cache());
        AnswerRelay.relay(request, response, requestId, reply.answer(), new Answer(completionId, created), start);
    }

    /** OpenAI's {@code chat.completion} and error answers. */
    private record Answer(String completionId, long created) implements AnswerRelay.Format {

        @Override
        public void answer(HttpServletResponse response, RoutedResponse routed) throws IOException {
            OpenAiResponses.json(response, 200, OpenAiResponseWriter.completion(routed.response(), completionId,
                    created, AnswerRelay.answeringModel(routed)));
        }

        @Override
        public void error(HttpServletResponse response, Throwable failure) throws IOException {
            OpenAiResponses.error(response, failure);
        }

        @Override
        public void cancelled(HttpServletResponse response) throws IOException {
            OpenAiResponses.error(response, new OpenAiError(504, "api_error", "timeout", null,
                    "the request was cancelled before an answer arrived", null));
        }

        @Override
        public boolean unexpected(Throwable failure) {
            return OpenAiErrorMapper.map(failure).status() == 500;
        }
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
