package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.relay.AnswerRelay;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.request.RequestIds;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.embeddings.EmbeddingCall;
import io.circuitbreaker.llm.embeddings.EmbeddingReply;
import io.circuitbreaker.llm.embeddings.EmbeddingService;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code POST /v1/embeddings}, OpenAI's endpoint, for every provider with an embeddings API. A thin translator: the
 * body is read by {@link OpenAiEmbeddingsParser}, the use case is {@link EmbeddingService}'s, and the answer goes back
 * through the same asynchronous relay, routing headers and error mapping as chat's complete answers.
 */
@WebServlet(urlPatterns = "/v1/embeddings", asyncSupported = true)
public class EmbeddingsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EmbeddingService embeddings;

    /** The body size limit, from configuration at {@link #init()}. */
    transient RequestLimits limits = RequestLimits.DEFAULTS;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    /** POST only; any other method is a 405 with {@code Allow: POST} in OpenAI's shape. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        OpenAiResponses.error(response, OpenAiError.methodNotAllowed(request.getMethod(), "/v1/embeddings"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String requestId = RequestIds.of(request);
        response.setHeader(RoutingHeaders.REQUEST_ID, requestId);
        EmbeddingRequest parsed;
        try {
            parsed = OpenAiEmbeddingsParser.parse(body(request));
        } catch (InvalidOpenAiRequest e) {
            OpenAiResponses.error(response, OpenAiErrorMapper.map(e));
            return;
        }
        EmbeddingReply reply;
        try {
            reply = embeddings.embed(new EmbeddingCall(ApiKeyFilter.caller(request).id(), requestId, parsed));
        } catch (GatewayException refused) {
            // unknown model, key, rate limit or budget: answered before anything goes upstream
            OpenAiResponses.error(response, refused);
            return;
        }
        reply.rateLimitHeaders().forEach(response::setHeader);
        AnswerRelay.relay(request, response, requestId, reply.answer(), new Answer(parsed.encoding()), start);
    }

    /** OpenAI's embeddings list and error answers. */
    private record Answer(EmbeddingEncoding encoding) implements AnswerRelay.Writer<RoutedEmbeddings> {

        @Override
        public void answer(HttpServletResponse response, RoutedEmbeddings routed) throws IOException {
            OpenAiResponses.json(response, 200, OpenAiEmbeddingsWriter.list(routed, encoding));
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
