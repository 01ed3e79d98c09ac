package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.api.graphql.input.ChatCompletionInput;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatReply;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.api.graphql.Caller;
import io.circuitbreaker.llm.routing.RoutedResponse;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
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
 *
 * <p>The result is nullable on purpose: a document may carry several aliased {@code chatCompletion} fields (up to
 * {@code llm.limits.graphql-max-chat-completions}), and a non-null type would turn one refused alias into a null
 * {@code data}, discarding the answers the earlier aliases already got, and paid for, upstream. Nullable, a refusal
 * is that field's {@code null} and its error (with its {@code path}); its siblings keep their answers.
 *
 * <p>The answer is completed with the request's context (the container's security context above all): completing it
 * runs the GraphQL engine's continuation, the next aliased field's resolver included, on the HTTP client's thread,
 * where {@link Caller} must still see the request's gateway key. SmallRye GraphQL 2.17 (Payara) continues there;
 * Jakarta Concurrency's {@link ContextService} carries the context portably.
 */
@GraphQLApi
@ApplicationScoped
public class ChatApi {

    private static final Logger LOG = Logger.getLogger(ChatApi.class.getName());

    @Inject
    ChatService chat;

    @Inject
    Caller caller;

    @Resource
    ContextService requestContext;

    @Mutation("chatCompletion")
    @Description("A full, non-streamed chat completion routed like any other request (retries, fallback, breakers), "
            + "with its cost and the provider and model that answered. Null when this field was refused or failed; "
            + "the error names its path, and the other fields of the same request keep their answers.")
    public CompletionStage<ChatCompletionView> chatCompletion(
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
        BiConsumer<RoutedResponse, Throwable> complete = requestContext.contextualConsumer((routed, failure) -> {
            if (failure == null) {
                answer.complete(new ChatCompletionView(routed, requestId, reply.cache()));
            } else {
                GatewayGraphQLException error = ChatErrors.toGraphQL(failure);
                if ("INTERNAL".equals(error.code())) {
                    LOG.log(Level.WARNING, "chatCompletion " + requestId + " failed unexpectedly", failure);
                }
                answer.completeExceptionally(error);
            }
        });
        reply.answer().whenComplete(complete);
        return answer;
    }
}
