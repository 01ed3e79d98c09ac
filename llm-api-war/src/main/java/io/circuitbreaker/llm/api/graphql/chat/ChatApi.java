package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.api.graphql.input.ChatCompletionInput;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatReply;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.api.graphql.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A complete chat answer through the router. Returns a stage, so no request thread waits on the upstream: the answer
 * completes on the HTTP client's threads.
 */
@GraphQLApi
@ApplicationScoped
public class ChatApi {

    private static final Logger LOG = Logger.getLogger(ChatApi.class.getName());

    @Inject
    ChatService chat;

    @Inject
    Caller caller;

    @Mutation("chatCompletion")
    @Description("A full, non-streamed chat completion routed like any other request (retries, fallback, breakers), "
            + "with its cost and the provider and model that answered.")
    public CompletionStage<@NonNull ChatCompletionView> chatCompletion(
            @NonNull @Name("input") ChatCompletionInput input) {
        ChatRequest request;
        try {
            request = ChatRequests.toRequest(input);
        } catch (GatewayGraphQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        String requestId = UUID.randomUUID().toString();
        ChatReply reply;
        try {
            reply = chat.complete(new ChatCall(caller.keyId(), requestId, request));
        } catch (GatewayGraphQLException | GatewayException refused) {
            // no key, unknown model, rate limit or budget: refused before anything goes upstream
            return CompletableFuture.failedFuture(ChatErrors.toGraphQL(refused));
        }
        CompletableFuture<ChatCompletionView> answer = new CompletableFuture<>();
        reply.answer().whenComplete((routed, failure) -> {
            if (failure == null) {
                answer.complete(new ChatCompletionView(routed, requestId));
            } else {
                GatewayGraphQLException error = ChatErrors.toGraphQL(failure);
                if ("INTERNAL".equals(error.code())) {
                    LOG.log(Level.WARNING, "chatCompletion " + requestId + " failed unexpectedly", failure);
                }
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }
}
