package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OpenAiTargetTest {

    private static OpenAiTarget target(String baseUrl) {
        return OpenAiTarget.of(ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, baseUrl));
    }

    @Test
    void openAiBaseUrl() {
        OpenAiTarget openAi = target("https://api.openai.com/v1");
        assertFalse(openAi.azure());
        assertEquals(URI.create("https://api.openai.com/v1/chat/completions"), openAi.chatCompletions());
        assertEquals(URI.create("http://localhost:11434/v1/chat/completions"),
                target("http://localhost:11434/v1/").chatCompletions());
        assertEquals("Bearer sk-abc", openAi.authorization(" sk-abc "));
        assertNull(openAi.azureApiKey("sk-abc"));
        assertNull(openAi.authorization(" "));
        assertNull(openAi.authorization(null));
        assertEquals(openAi.endpoint(), openAi.health());
    }

    @Test
    void azureDeployment() {
        OpenAiTarget azure = target(
                "https://my-res.openai.azure.com/openai/deployments/gpt-4o-prod?api-version=2024-10-21");
        assertTrue(azure.azure());
        assertEquals(URI.create("https://my-res.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions"
                + "?api-version=2024-10-21"), azure.chatCompletions());
        assertNull(azure.authorization("k1"));
        assertEquals("k1", azure.azureApiKey("k1"));
        assertNull(azure.azureApiKey(" "));
        assertEquals(URI.create("https://my-res.openai.azure.com/openai?api-version=2024-10-21"),
                azure.health().baseUrl());
    }

    @Test
    void azureV1BaseUrlHasNoQueryString() {
        OpenAiTarget azure = target("https://my-res.openai.azure.com/openai/v1/");
        assertTrue(azure.azure());
        assertEquals(URI.create("https://my-res.openai.azure.com/openai/v1/chat/completions"),
                azure.chatCompletions());
        assertEquals(azure.endpoint(), azure.health());
    }
}
