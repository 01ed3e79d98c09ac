package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.api.anthropic.AnthropicParameters.Endpoint;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.relay.AnswerRelay;
import io.circuitbreaker.llm.api.relay.StreamRelay;
import io.circuitbreaker.llm.api.request.CancelWhenGone;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatReply;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.chat.ChatStream;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code POST /v1/messages}, Anthropic's Messages API, for every provider the router knows: one call to the chat
 * service, answered as Anthropic's {@code message} or its event stream.
 *
 * <p>A servlet for the reasons given on the OpenAI door's: one URL answers JSON or server-sent events by the body's
 * {@code stream} flag, streaming needs headers at the first chunk and a flush per event, and both modes release the
 * request thread at once ({@link AsyncContext}).
 */
@WebServlet(urlPatterns = MessagesServlet.PATH, asyncSupported = true)
public class MessagesServlet extends HttpServlet {

    static final String PATH = "/v1/messages";
    private static final long serialVersionUID = 1L;

    @Inject
    transient ChatService chat;

    /** Body size and message count limits, from configuration at {@link #init()}. */
    transient RequestLimits limits = RequestLimits.DEFAULTS;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    /** POST only; any other method is a 405 with {@code Allow: POST} in Anthropic's shape. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        AnthropicResponses.error(response, AnthropicError.methodNotAllowed(request.getMethod(), PATH),
                AnthropicDoor.requestId(request, response));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String requestId = AnthropicDoor.requestId(request, response);
        AnthropicRequest parsed;
        try {
            parsed = AnthropicDoor.read(request, limits, Endpoint.MESSAGES);
        } catch (InvalidAnthropicRequest e) {
            AnthropicResponses.error(response, e, requestId);
            return;
        }
        ChatCall call = new ChatCall(ApiKeyFilter.caller(request).id(), requestId, parsed.request(),
                RoutingHeaders.cacheDirective(request));
        if (parsed.stream()) {
            stream(request, response, call, start);
        } else {
            complete(request, response, call, start);
        }
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, ChatCall call, long start)
            throws IOException {
        StreamRelay relay = new StreamRelay(response, new AnthropicStreamFormat(call.request().model(),
                call.requestId()), start);
        ChatStream stream;
        try {
            stream = chat.stream(call, relay::committedTo);
        } catch (GatewayException refused) {
            // refused, or no deployment can serve it, before any upstream call: an ordinary error answer
            AnthropicResponses.error(response, refused, call.requestId());
            return;
        }
        stream.rateLimitHeaders().forEach(response::setHeader);
        RoutingHeaders.cache(response, stream.cache());
        relay.start(AnswerRelay.startAsync(request), stream.chunks());
    }

    private void complete(HttpServletRequest request, HttpServletResponse response, ChatCall call, long start)
            throws IOException {
        String requestId = call.requestId();
        ChatReply reply;
        try {
            reply = chat.complete(call);
        } catch (GatewayException refused) {
            // unknown model, key, rate limit or budget: answered before anything goes upstream
            AnthropicResponses.error(response, refused, requestId);
            return;
        }
        reply.rateLimitHeaders().forEach(response::setHeader);
        RoutingHeaders.cache(response, reply.cache());
        AnswerRelay.relay(request, response, requestId, reply.answer(), new Answer(requestId), start);
    }

    /** Anthropic's {@code message} and error answers. */
    private record Answer(String requestId) implements AnswerRelay.Format {

        @Override
        public void answer(HttpServletResponse response, RoutedResponse routed) throws IOException {
            AnthropicResponses.json(response, 200, AnthropicResponseWriter.message(routed.response(),
                    AnswerRelay.answeringModel(routed)));
        }

        @Override
        public void error(HttpServletResponse response, Throwable failure) throws IOException {
            AnthropicResponses.error(response, failure, requestId);
        }

        @Override
        public void cancelled(HttpServletResponse response) throws IOException {
            AnthropicResponses.error(response, new AnthropicError(504, "api_error",
                    "the request was cancelled before an answer arrived"), requestId);
        }

        @Override
        public boolean unexpected(Throwable failure) {
            return AnthropicErrorMapper.map(failure).status() == 500;
        }
    }
}
