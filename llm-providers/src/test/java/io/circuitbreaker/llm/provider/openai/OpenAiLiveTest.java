package io.circuitbreaker.llm.provider.openai;

import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real API; runs only with {@code OPENAI_API_KEY} set. {@code OPENAI_MODEL} picks the model
 * (default {@code gpt-4o-mini}), {@code OPENAI_BASE_URL} the endpoint (default {@code https://api.openai.com/v1}).
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiLiveTest {

    private final OpenAiProvider provider = new OpenAiProvider();
    private final ProviderEndpoint endpoint = ProviderEndpoint.of(ProviderType.OPENAI,
            env("OPENAI_BASE_URL", "https://api.openai.com/v1"));
    private final String model = env("OPENAI_MODEL", "gpt-4o-mini");

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private ChatRequest request() {
        return ChatRequest.builder(model).messages(ChatMessage.user("Reply with the single word: pong"))
                .maxTokens(20).build();
    }

    @Test
    void smallCompletion() throws Exception {
        ChatResponse response = await(provider.chatCompletion(endpoint, request(), System.getenv("OPENAI_API_KEY")));
        assertTrue(response.text().toLowerCase().contains("pong"), response.text());
        assertEquals(FinishReason.Kind.STOP, response.choices().get(0).finishReason().kind());
        assertNotNull(response.usage());
        assertTrue(response.usage().inputTokens() > 0);
        assertTrue(response.usage().outputTokens() > 0);
    }

    @Test
    void smallStream() throws Exception {
        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, request(), System.getenv("OPENAI_API_KEY")))
                .awaitCompletion();
        assertTrue(OpenAiStreamDecoderTest.text(chunks, 0).toLowerCase().contains("pong"));
        assertEquals(1, OpenAiStreamDecoderTest.usages(chunks).size());
        assertEquals(1, OpenAiStreamDecoderTest.finishes(chunks, 0).size());
    }

    @Test
    void health() throws Exception {
        HealthProbe probe = await(provider.healthCheck(endpoint, System.getenv("OPENAI_API_KEY")));
        assertTrue(probe.healthy(), probe.error());
        assertFalse(probe.latency().isNegative());
    }
}
