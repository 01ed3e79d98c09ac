package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiError;
import io.circuitbreaker.llm.api.openai.OpenAiErrorMapper;
import io.circuitbreaker.llm.api.openai.OpenAiResponses;
import io.circuitbreaker.llm.api.relay.AnswerRelay;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.relay.StreamRelay;
import io.circuitbreaker.llm.api.request.RequestIds;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatReply;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.chat.ChatStream;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.responses.ResponseRetention;
import io.circuitbreaker.llm.responses.ResponseStore;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * OpenAI's Responses API: {@code POST /v1/responses} for every provider the router knows (one call to the chat
 * service, answered as a {@code response} object or its event stream), and the stored responses under
 * {@code /v1/responses/{id}} ({@link StoredResponses}). A servlet for the reasons given on the other doors': JSON or
 * server-sent events by the body's {@code stream} flag, and the request thread released at once.
 */
@WebServlet(urlPatterns = {ResponsesServlet.PATH, ResponsesServlet.PATH + "/*"}, asyncSupported = true)
public class ResponsesServlet extends HttpServlet {

    static final String PATH = "/v1/responses";
    private static final long serialVersionUID = 1L;

    @Inject
    transient ChatService chat;

    @EJB
    transient ResponseStore store;

    @Resource
    transient ManagedExecutorService executor;

    transient RequestLimits limits = RequestLimits.DEFAULTS;
    transient ResponseArchive archive;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
        archive = new ResponseArchive(store, executor, ResponseRetention.from(ConfigProvider.getConfig()),
                4L * limits.maxBodyBytes());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.of(request);
        response.setHeader(RoutingHeaders.REQUEST_ID, requestId);
        String path = request.getPathInfo();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            new StoredResponses(store, archive).serve(request, response, path);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            OpenAiResponses.error(response, OpenAiError.methodNotAllowed(request.getMethod(), PATH));
            return;
        }
        create(request, response, requestId);
    }

    private void create(HttpServletRequest request, HttpServletResponse response, String requestId)
            throws IOException {
        long start = System.nanoTime();
        String keyId = ApiKeyFilter.caller(request).id();
        ResponsesRequest parsed;
        try {
            parsed = read(request);
            if (parsed.previousResponseId() != null) {
                parsed = parsed.after(archive.history(parsed.previousResponseId(), keyId, limits.maxMessages()));
            }
        } catch (InvalidOpenAiRequest e) {
            OpenAiResponses.error(response, e);
            return;
        }
        ResponseHead head = new ResponseHead(ResponseIds.response(), Instant.now().getEpochSecond(),
                parsed.request().model(), parsed.echo());
        ResponsesRequest accepted = parsed;
        ChatCall call = new ChatCall(keyId, requestId, parsed.request(), RoutingHeaders.cacheDirective(request));
        try {
            if (parsed.stream()) {
                StreamRelay relay = new StreamRelay(response, new ResponsesStreamFormat(head,
                        done -> keep(accepted, keyId, done)), start);
                ChatStream stream = chat.stream(call, relay::committedTo);
                stream.rateLimitHeaders().forEach(response::setHeader);
                RoutingHeaders.cache(response, stream.cache());
                relay.start(AnswerRelay.startAsync(request), stream.chunks());
            } else {
                ChatReply reply = chat.complete(call);
                reply.rateLimitHeaders().forEach(response::setHeader);
                RoutingHeaders.cache(response, reply.cache());
                AnswerRelay.relay(request, response, requestId, reply.answer(), new Answer(head, accepted, keyId),
                        start);
            }
        } catch (GatewayException refused) {
            // unknown model, key, rate limit or budget: answered before anything goes upstream
            OpenAiResponses.error(response, refused);
        }
    }

    private ResponsesRequest read(HttpServletRequest request) throws IOException {
        String body;
        try {
            body = new String(BoundedBody.read(request, limits.maxBodyBytes()), StandardCharsets.UTF_8);
        } catch (BodyTooLargeException e) {
            throw InvalidOpenAiRequest.tooLarge(e.limit());
        }
        return ResponsesRequestParser.parse(body, limits.maxMessages());
    }

    private void keep(ResponsesRequest request, String keyId, JsonObject response) {
        if (request.store()) {
            archive.store(keyId, response, request.input());
        }
    }

    /** The {@code response} object and OpenAI's error answers; stores the response once it is written. */
    private final class Answer implements AnswerRelay.Format {

        private final ResponseHead head;
        private final ResponsesRequest request;
        private final String keyId;

        Answer(ResponseHead head, ResponsesRequest request, String keyId) {
            this.head = head;
            this.request = request;
            this.keyId = keyId;
        }

        @Override
        public void answer(HttpServletResponse response, RoutedResponse routed) throws IOException {
            var answer = routed.response();
            JsonObject body = ResponsesWriter.response(head, AnswerRelay.answeringModel(routed),
                    answer.choices().isEmpty() ? new io.circuitbreaker.llm.model.Choice(0, "", null, null, null)
                            : answer.choices().get(0), answer.usage());
            OpenAiResponses.json(response, 200, body);
            keep(request, keyId, body);
        }

        @Override
        public void error(HttpServletResponse response, Throwable failure) throws IOException {
            OpenAiResponses.error(response, failure);
        }

        @Override
        public void cancelled(HttpServletResponse response) throws IOException {
            OpenAiResponses.error(response, new OpenAiError(504, "api_error", "request_cancelled", null,
                    "the request was cancelled before an answer arrived", null));
        }

        @Override
        public boolean unexpected(Throwable failure) {
            return OpenAiErrorMapper.map(failure).status() == 500;
        }
    }
}
