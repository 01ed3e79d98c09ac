package io.circuitbreaker.llm.provider.anthropic;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against the real API, with {@code ANTHROPIC_API_KEY} set (optional: {@code ANTHROPIC_MODEL}, default
 * {@value #DEFAULT_MODEL}; {@code ANTHROPIC_BASE_URL}). A few dozen tokens per run.
 */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
@ExtendWith(SecretLeakGuard.class)
class AnthropicLiveTest {

    private static final String DEFAULT_MODEL = "claude-haiku-4-5";

    private final AnthropicProvider provider = new AnthropicProvider();

    private static String key() {
        return SecretLeakGuard.secret(System.getenv("ANTHROPIC_API_KEY"));
    }

    private static ProviderEndpoint endpoint() {
        return ProviderEndpoint.of(ProviderType.ANTHROPIC,
                Optional.ofNullable(System.getenv("ANTHROPIC_BASE_URL")).orElse("https://api.anthropic.com"));
    }

    private static ChatRequest pingRequest() {
        String model = Optional.ofNullable(System.getenv("ANTHROPIC_MODEL")).orElse(DEFAULT_MODEL);
        return ChatRequest.builder(model)
                .messages(ChatMessage.system("You answer with one word."), ChatMessage.user("Say pong."))
                .maxTokens(16).temperature(0.0).build();
    }

    @Test
    void completeAnswer() throws Exception {
        ChatResponse response = provider.chatCompletion(endpoint(), pingRequest(), key())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertFalse(response.text().isBlank());
        assertTrue(response.id().startsWith("msg_"), response.id());
        FinishReason.Kind kind = response.choices().get(0).finishReason().kind();
        assertTrue(Set.of(FinishReason.Kind.STOP, FinishReason.Kind.LENGTH).contains(kind), kind.name());
        assertNotNull(response.usage());
        assertTrue(response.usage().inputTokens() > 0);
        assertTrue(response.usage().outputTokens() > 0);
    }

    @Test
    void streamedAnswer() throws Exception {
        List<StreamChunk> chunks = ChunkCollector
                .subscribe(provider.chatCompletionStream(endpoint(), pingRequest(), key())).awaitCompletion();

        assertFalse(chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()).isBlank());
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertNotNull(last.finishReason());
        assertNotNull(last.usage());
        assertTrue(last.usage().outputTokens() > 0);
    }

    @Test
    void healthProbe() throws Exception {
        HealthProbe probe = provider.healthCheck(endpoint(), key()).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertTrue(probe.healthy(), probe.error());
        assertEquals(null, probe.error());
    }
}
