package io.circuitbreaker.llm.tokens;

import io.circuitbreaker.llm.access.AccessGuard;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.router.LlmRouter;
import io.circuitbreaker.llm.router.RouterEngine.TokenCount;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.Resolution;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counts a request's input tokens: the key must be active, the model resolves as for a chat request (routes
 * included, so an operator's route for {@code claude-sonnet-4-5} counts on what serves it), and the router asks the
 * first callable candidate's adapter.
 *
 * <p>No rate-limit or budget admission and no usage record: a count generates nothing and costs nothing (Anthropic's
 * count_tokens is free and has its own rate limits, which surface as its 429), and clients such as Claude Code count
 * often; charging counts against a key's request limit would starve its chats.
 */
@ApplicationScoped
public class TokenCountService {

    @EJB
    LlmRouter router;

    @Inject
    RouterRuntime routes;

    @Inject
    AccessGuard access;

    /**
     * @param keyId the id of the gateway key that authenticated the caller
     * @throws GatewayException when the key is no longer active or the model is unknown (before anything is called)
     */
    public CompletionStage<TokenCount> count(String keyId, ChatRequest request) {
        access.activeKey(keyId);
        Resolution resolution = routes.resolve(request.model());
        try {
            return router.countTokens(resolution, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(GatewayException.of(e));
        }
    }
}
