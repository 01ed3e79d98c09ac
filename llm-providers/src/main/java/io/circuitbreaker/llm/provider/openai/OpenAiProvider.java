package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** The adapter for OpenAI's Chat Completions API ({@code https://api.openai.com/v1}). */
@ApplicationScoped
@LlmProvider(ProviderType.OPENAI)
public class OpenAiProvider implements LlmProviderClient {

    private final OpenAiProtocol protocol = new OpenAiProtocol(ProviderType.OPENAI);

    public OpenAiProvider() {
        // CDI and plain unit tests
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
    public ProviderType providerType() {
        return protocol.provider();
    }

    @Override
    public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        return protocol.healthCheck(endpoint, apiKey);
    }
}
