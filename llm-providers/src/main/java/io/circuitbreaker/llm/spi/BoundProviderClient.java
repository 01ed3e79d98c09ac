package io.circuitbreaker.llm.spi;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An adapter bound to one endpoint (base URL and time limits): what the design document's
 * {@code create_provider_client(provider_type, base_url)} returns. The key is still passed per call.
 *
 * @param adapter  the protocol adapter
 * @param endpoint where it calls
 */
public record BoundProviderClient(LlmProviderClient adapter, ProviderEndpoint endpoint) {

    public BoundProviderClient {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public CompletionStage<ChatResponse> chatCompletion(ChatRequest request, String apiKey) {
        return adapter.chatCompletion(endpoint, request, apiKey);
    }

    public Flow.Publisher<StreamChunk> chatCompletionStream(ChatRequest request, String apiKey) {
        return adapter.chatCompletionStream(endpoint, request, apiKey);
    }

    public CompletionStage<OptionalInt> countTokens(ChatRequest request, String apiKey) {
        return adapter.countTokens(endpoint, request, apiKey);
    }

    public CompletionStage<EmbeddingResponse> embeddings(EmbeddingRequest request, String apiKey) {
        return adapter.embeddings(endpoint, request, apiKey);
    }

    public CompletionStage<HealthProbe> healthCheck(String apiKey) {
        return adapter.healthCheck(endpoint, apiKey);
    }

    public ProviderType providerType() {
        return adapter.providerType();
    }
}
