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

/**
 * The adapter for servers that speak the OpenAI Chat Completions protocol at their own base URL: Ollama, vLLM, Groq,
 * Mistral, DeepSeek, Together, OpenRouter, Azure OpenAI. The protocol code is the OpenAI adapter's; only the reported
 * provider type differs. Without a key no {@code Authorization} header is sent, since local servers need none; Azure
 * deployments are handled as described in the package documentation.
 */
@ApplicationScoped
@LlmProvider(ProviderType.OPENAI_COMPATIBLE)
public class OpenAiCompatibleProvider implements LlmProviderClient {

    private final OpenAiProtocol protocol = new OpenAiProtocol(ProviderType.OPENAI_COMPATIBLE);

    public OpenAiCompatibleProvider() {
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
