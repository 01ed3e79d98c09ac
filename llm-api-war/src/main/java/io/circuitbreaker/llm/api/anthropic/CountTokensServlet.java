package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.api.anthropic.AnthropicParameters.Endpoint;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.request.CancelWhenGone;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.router.RouterEngine.TokenCount;
import io.circuitbreaker.llm.tokens.TokenCountService;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code POST /v1/messages/count_tokens}: {@code {"input_tokens": N}} for the request's model, Anthropic's own count
 * where the serving provider has a counter, the gateway's estimate otherwise. Which one it is shows in
 * {@code x-llm-token-count} ({@code provider} or {@code estimate}), with the deployment asked in the routing headers.
 */
@WebServlet(urlPatterns = CountTokensServlet.PATH, asyncSupported = true)
public class CountTokensServlet extends HttpServlet {

    static final String PATH = "/v1/messages/count_tokens";
    /** Whether the count is the provider's ({@code provider}) or the gateway's estimate ({@code estimate}). */
    static final String HOW_COUNTED = "x-llm-token-count";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CountTokensServlet.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final long ASYNC_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

    @Inject
    transient TokenCountService tokens;

    transient RequestLimits limits = RequestLimits.DEFAULTS;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String requestId = AnthropicDoor.requestId(request, response);
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            AnthropicResponses.error(response, AnthropicError.methodNotAllowed(request.getMethod(), PATH), requestId);
            return;
        }
        AnthropicRequest parsed;
        CompletableFuture<TokenCount> pending;
        try {
            parsed = AnthropicDoor.read(request, limits, Endpoint.COUNT_TOKENS);
            pending = tokens.count(ApiKeyFilter.caller(request).id(), parsed.request()).toCompletableFuture();
        } catch (InvalidAnthropicRequest | GatewayException refused) {
            AnthropicResponses.error(response, refused, requestId);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        async.addListener(new CancelWhenGone(pending));
        pending.whenComplete((count, failure) -> {
            try {
                if (pending.isCancelled()) {
                    AnthropicResponses.error(response, new AnthropicError(504, "api_error",
                            "the request was cancelled before the count arrived"), requestId);
                } else if (failure == null) {
                    if (count.counter() != null) {
                        RoutingHeaders.deployment(response, count.counter(), null);
                    }
                    response.setHeader(HOW_COUNTED, count.estimated() ? "estimate" : "provider");
                    AnthropicResponses.json(response, 200, JSON.createObjectBuilder()
                            .add("input_tokens", count.inputTokens()).build());
                } else {
                    if (AnthropicErrorMapper.map(failure).status() == 500) {
                        LOG.log(Level.WARNING, "token count " + requestId + " failed unexpectedly", failure);
                    }
                    AnthropicResponses.error(response, failure, requestId);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not write the count to " + requestId + " (client gone?)", e);
            } finally {
                async.complete();
            }
        });
    }
}
