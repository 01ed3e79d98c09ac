package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.routing.StreamSummary;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The router: the design document's {@code chat_completion} and {@code stream_chat_completion}. Routes a resolved
 * request with retries, fallback and breakers. The chat application service ({@code io.circuitbreaker.llm.chat})
 * calls it once per request, after admission; recording and settling are the service's.
 *
 * <p>Never holds a transaction: upstream calls take seconds, and a transaction open that long would pin a
 * connection and time out. The methods return at once; the answer completes on the HTTP client's threads.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LlmRouter {

    @Inject
    RouterRuntime runtime;

    /**
     * A complete answer; the stage fails with a {@link RoutingFailedException} (or {@link NoCandidateException}),
     * both of the gateway's closed error type.
     */
    public CompletionStage<RoutedResponse> chatCompletion(Resolution resolution, ChatRequest request) {
        return runtime.engine().complete(resolution, request);
    }

    /**
     * An embeddings answer, with the same retries, fallback and breakers as a complete chat answer; the stage fails
     * with the gateway's closed error type.
     */
    public CompletionStage<RoutedEmbeddings> embeddings(Resolution resolution, EmbeddingRequest request) {
        return runtime.engine().embed(resolution, request);
    }

    /**
     * The request's input tokens for the resolved model: the provider's own count where its adapter has a counter,
     * else the gateway's estimate (see {@link RouterEngine#countTokens}).
     */
    public CompletionStage<RouterEngine.TokenCount> countTokens(Resolution resolution, ChatRequest request) {
        return runtime.engine().countTokens(resolution, request);
    }

    /**
     * A streamed answer; retries and fallback apply until the first chunk. Throws at once (before any stream) when
     * no deployment can serve the request.
     *
     * @param onFinish called once when the stream ends (completed, failed or cancelled)
     * @param onCommit learns which deployment serves the stream just before its first chunk is handed over
     */
    public Flow.Publisher<StreamChunk> streamChatCompletion(Resolution resolution, ChatRequest request,
            Consumer<StreamSummary> onFinish, Consumer<Deployment> onCommit) {
        return runtime.engine().stream(resolution, request, onFinish, onCommit);
    }
}
