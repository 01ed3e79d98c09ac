package io.circuitbreaker.llm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderEndpointTest {

    @ParameterizedTest
    @CsvSource({
        "https://api.openai.com/v1,  chat/completions, https://api.openai.com/v1/chat/completions",
        "https://api.openai.com/v1/, /chat/completions, https://api.openai.com/v1/chat/completions",
        "https://api.anthropic.com,  v1/messages, https://api.anthropic.com/v1/messages",
        "https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21, chat/completions, "
                + "https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21",
        "https://g.example, v1beta/models/m:streamGenerateContent?alt=sse, "
                + "https://g.example/v1beta/models/m:streamGenerateContent?alt=sse",
        "https://g.example?x=1, v1beta/models?pageSize=1, https://g.example/v1beta/models?pageSize=1&x=1"
    })
    void resolvesPathsKeepingTheBasePathAndQuery(String base, String path, String expected) {
        assertEquals(expected, ProviderEndpoint.of(ProviderType.OPENAI, base.trim()).resolve(path.trim()).toString());
    }
}
