package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;

/** The adapter for OpenAI's Chat Completions API ({@code https://api.openai.com/v1}). */
@ApplicationScoped
@LlmProvider(ProviderType.OPENAI)
public class OpenAiProvider extends OpenAiProtocolClient {

    public OpenAiProvider() {
        // CDI and plain unit tests
        super(ProviderType.OPENAI);
    }
}
