package io.circuitbreaker.llm.provider.gemini;

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
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against the real API, only when {@code GEMINI_API_KEY} is set ({@code GEMINI_MODEL} picks the model, default
 * {@code gemini-2.5-flash}). Small prompts, a few tokens each.
 */
@EnabledIfEnvironmentVariable(named = "GEMINI_API_KEY", matches = ".+")
@ExtendWith(SecretLeakGuard.class)
class GeminiProviderLiveTest {

    static final ProviderEndpoint ENDPOINT = ProviderEndpoint.of(ProviderType.GOOGLE,
            "https://generativelanguage.googleapis.com");

    final GeminiProvider provider = new GeminiProvider();

    static String key() {
        return SecretLeakGuard.secret(System.getenv("GEMINI_API_KEY"));
    }

    static ChatRequest request() {
        String model = System.getenv().getOrDefault("GEMINI_MODEL", "gemini-2.5-flash");
        return ChatRequest.builder(model)
                .messages(ChatMessage.system("Answer with one word."), ChatMessage.user("What is the capital of France?"))
                .maxTokens(512)
                .build();
    }

    @Test
    void completion() throws Exception {
        ChatResponse response = provider.chatCompletion(ENDPOINT, request(), key())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(response.text().toLowerCase().contains("paris"), response.text());
        assertEquals(FinishReason.Kind.STOP, response.choices().get(0).finishReason().kind());
        assertNotNull(response.usage());
        assertTrue(response.usage().inputTokens() > 0);
        assertTrue(response.usage().outputTokens() > 0);
    }

    @Test
    void stream() throws Exception {
        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(ENDPOINT, request(), key())).awaitCompletion();
        String text = chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining());
        assertTrue(text.toLowerCase().contains("paris"), text);
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertEquals(FinishReason.Kind.STOP, last.finishReason().kind());
        assertNotNull(last.usage());
    }

    @Test
    void health() throws Exception {
        HealthProbe probe = provider.healthCheck(ENDPOINT, key()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(probe.healthy(), probe.error());
        HealthProbe bad = provider.healthCheck(ENDPOINT, "AIza" + "SyNotARealKey-0000000000000000000")
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertFalse(bad.healthy());
    }
}
