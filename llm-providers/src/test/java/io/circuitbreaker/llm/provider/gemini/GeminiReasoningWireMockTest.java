package io.circuitbreaker.llm.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.GENERATE;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.KEY;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.STREAM;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.endpoint;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.json;
import static io.circuitbreaker.llm.provider.gemini.GeminiProviderWireMockTest.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.testing.ChunkCollector;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What reaches Gemini for reasoning and top_k, and how its thought parts come back. */
@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class GeminiReasoningWireMockTest {

    private final GeminiProvider provider = new GeminiProvider();

    private static ChatRequest thinking(ReasoningConfig reasoning) {
        return ChatRequest.builder("gemini-2.5-flash").messages(ChatMessage.user("2+2?")).topK(32)
                .reasoning(reasoning).build();
    }

    @Test
    void effortAndTopKReachGeminiAndThoughtsComeBackAsReasoning(WireMockRuntimeInfo wm) throws Exception {
        // shaped as Google's thinking guide shows an includeThoughts answer
        wm.getWireMock().register(post(urlPathEqualTo(GENERATE)).willReturn(json(200, """
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"**Adding**\\nTwo plus two is four.","thought":true},{"text":"4"}]},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":6,"candidatesTokenCount":1,"totalTokenCount":90,
                  "thoughtsTokenCount":83},
                 "modelVersion":"gemini-2.5-flash","responseId":"r-9"}""")));

        ChatResponse response = provider.chatCompletion(endpoint(wm), thinking(ReasoningConfig.effort("medium")), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(GENERATE))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(equalToJson("""
                        {"contents":[{"role":"user","parts":[{"text":"2+2?"}]}],
                         "generationConfig":{"topK":32,
                          "thinkingConfig":{"thinkingBudget":2048,"includeThoughts":true}}}""", false, false)));
        assertEquals("4", response.choices().get(0).text());
        assertEquals("**Adding**\nTwo plus two is four.", response.choices().get(0).reasoning());
        assertEquals(new Usage(6, 84, 90, null, 83), response.usage());
    }

    @Test
    void aStreamWithThinkingOffSendsABudgetOfZero(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent"))
                .willReturn(sse(GeminiStreamDecoderTest.event("""
                        {"candidates":[{"content":{"role":"model","parts":[{"text":"4"}]},"finishReason":"STOP",
                          "index":0}],
                         "usageMetadata":{"promptTokenCount":6,"candidatesTokenCount":1,"totalTokenCount":7},
                         "modelVersion":"gemini-2.5-flash","responseId":"r-10"}"""))));

        List<StreamChunk> chunks = ChunkCollector.subscribe(provider.chatCompletionStream(endpoint(wm),
                thinking(ReasoningConfig.disabled()), KEY)).awaitCompletion();

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(STREAM)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"2+2?"}]}],
                 "generationConfig":{"topK":32,"thinkingConfig":{"thinkingBudget":0}}}""", false, false)));
        assertEquals("4", chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertEquals("", chunks.stream().map(StreamChunk::reasoningDelta).collect(Collectors.joining()));
    }

    @Test
    void anUnknownEffortIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> provider.chatCompletion(endpoint(wm), thinking(ReasoningConfig.effort("turbo")), KEY)
                        .toCompletableFuture().get(20, TimeUnit.SECONDS));
        InvalidRequestException invalid = assertInstanceOf(InvalidRequestException.class, e.getCause());
        SecretLeakGuard.observe(invalid);
        assertTrue(invalid.getMessage().contains("reasoning_effort"), invalid.getMessage());
        wm.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));
    }
}
