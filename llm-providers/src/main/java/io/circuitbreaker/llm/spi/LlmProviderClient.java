package io.circuitbreaker.llm.spi;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The provider port, the Java form of the design document's {@code LLMProviderClient}: one implementation per wire
 * protocol, selected by the router with the {@link LlmProvider} qualifier.
 *
 * <p>All calls are non-blocking. The API key is passed per call, already resolved from its secret reference; an
 * implementation never stores it in a field and never logs it. Failures complete the stage (or signal the stream)
 * with an {@link io.circuitbreaker.llm.error.LlmProviderException}.
 */
public interface LlmProviderClient {

    /** A complete answer. */
    CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request, String apiKey);

    /**
     * A streamed answer: chunks are published as the provider sends them. Nothing is sent upstream until a
     * subscriber subscribes; cancelling the subscription aborts the upstream request. The stream ends with
     * {@code onComplete} only after the provider's own end-of-stream marker; a stream cut short ends with
     * {@code onError}.
     */
    Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request, String apiKey);

    ProviderType providerType();

    /**
     * Counts the request's input tokens with the provider's own counter (Anthropic's {@code count_tokens}), without
     * generating anything. Completes with empty when the provider offers no counter: the caller estimates instead.
     * Fails like a chat call (an {@link io.circuitbreaker.llm.error.LlmProviderException}) when the counter refuses.
     */
    default CompletionStage<OptionalInt> countTokens(ProviderEndpoint endpoint, ChatRequest request, String apiKey) {
        return CompletableFuture.completedFuture(OptionalInt.empty());
    }

    /**
     * Whether this protocol has an embeddings API. The router asks before routing an embeddings request, so a
     * deployment that cannot answer is skipped with a reason rather than called.
     */
    default boolean supportsEmbeddings() {
        return false;
    }

    /**
     * Embeds the request's inputs. The default refuses with a typed invalid-request error naming the provider: a
     * protocol without embeddings (Anthropic's) never guesses at one.
     */
    default CompletionStage<EmbeddingResponse> embeddings(ProviderEndpoint endpoint, EmbeddingRequest request,
            String apiKey) {
        return CompletableFuture.failedFuture(new InvalidRequestException(providerType(), 400,
                "embeddings_unsupported", "provider type " + providerType().wireName()
                        + " has no embeddings API (model " + request.model() + ")"));
    }

    /** Probes the provider without spending tokens (a list-models call) and reports what it saw. */
    CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey);
}
