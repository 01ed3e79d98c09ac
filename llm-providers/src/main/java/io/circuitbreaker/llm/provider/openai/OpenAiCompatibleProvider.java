package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The adapter for servers that speak the OpenAI Chat Completions protocol at their own base URL: Ollama, vLLM, Groq,
 * Mistral, DeepSeek, Together, OpenRouter, Azure OpenAI. The protocol code is the OpenAI adapter's; only the reported
 * provider type differs. Without a key no {@code Authorization} header is sent, since local servers need none; Azure
 * deployments are handled as described in the package documentation.
 */
@ApplicationScoped
@LlmProvider(ProviderType.OPENAI_COMPATIBLE)
public class OpenAiCompatibleProvider extends OpenAiProtocolClient {

    public OpenAiCompatibleProvider() {
        // CDI and plain unit tests
        super(ProviderType.OPENAI_COMPATIBLE);
    }
}
