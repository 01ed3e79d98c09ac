package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An adapter speaking the OpenAI Chat Completions protocol, for one provider type: the two beans
 * ({@link OpenAiProvider}, {@link OpenAiCompatibleProvider}) differ only in the type they report and are selected by.
 */
abstract class OpenAiProtocolClient implements LlmProviderClient {

    private final OpenAiProtocol protocol;
    private final OpenAiEmbeddings embeddings;

    OpenAiProtocolClient(ProviderType type) {
        this.protocol = new OpenAiProtocol(type);
        this.embeddings = new OpenAiEmbeddings(type);
    }

    @Override
    public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        return protocol.chatCompletion(endpoint, request, apiKey);
    }

    @Override
    public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        return protocol.chatCompletionStream(endpoint, request, apiKey);
    }

    @Override
    public boolean supportsEmbeddings() {
        return true;
    }

    /** {@code POST {base}/embeddings}: OpenAI's own and every compatible server's (Ollama, vLLM, Azure...). */
    @Override
    public CompletionStage<EmbeddingResponse> embeddings(ProviderEndpoint endpoint, EmbeddingRequest request,
            String apiKey) {
        return embeddings.embed(endpoint, request, apiKey);
    }

    @Override
    public ProviderType providerType() {
        return protocol.provider();
    }

    @Override
    public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        return protocol.healthCheck(endpoint, apiKey);
    }
}
