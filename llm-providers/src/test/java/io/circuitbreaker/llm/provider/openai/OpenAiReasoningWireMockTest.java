package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.ChunkCollector;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What reaches the wire for reasoning and top_k, for OpenAI itself and for a compatible server. */
@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class OpenAiReasoningWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("sk-proj-reasoning-Tq47Lm02XcVb");
    private static final String CHAT = "/v1/chat/completions";

    private String baseUrl;
    private WireMock wm;

    @BeforeEach
    void setUp(WireMockRuntimeInfo info) {
        baseUrl = info.getHttpBaseUrl() + "/v1";
        wm = info.getWireMock();
    }

    @Test
    void anAnthropicStyleBudgetReachesOpenAiAsAnEffort() throws Exception {
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("openai/chat-completion.json"))));
        ChatRequest request = ChatRequest.builder("gpt-5-mini").messages(ChatMessage.user("Why is the sky blue?"))
                .maxTokens(8000).reasoning(ReasoningConfig.budget(4096)).build();

        await(new OpenAiProvider().chatCompletion(ProviderEndpoint.of(ProviderType.OPENAI, baseUrl), request, KEY));

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-5-mini","messages":[{"role":"user","content":"Why is the sky blue?"}],
                         "max_completion_tokens":8000,"reasoning_effort":"high"}""", false, false)));
    }

    @Test
    void topKForOpenAiIsRefusedBeforeAnythingIsSent() throws Exception {
        ChatRequest request = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi")).topK(5).build();

        LlmProviderException e = failure(new OpenAiProvider().chatCompletion(
                ProviderEndpoint.of(ProviderType.OPENAI, baseUrl), request, KEY));

        assertInstanceOf(InvalidRequestException.class, e);
        assertTrue(e.getMessage().contains("top_k"), e.getMessage());
        wm.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCompatibleServerGetsTopKAndEffortAndStreamsReasoningApart() throws Exception {
        // the shape vLLM and DeepSeek document for reasoning models: reasoning_content deltas before content deltas
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("""
                        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"Qwen/Qwen3-8B",\
                        "choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Two plus two"},\
                        "finish_reason":null}]}

                        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"Qwen/Qwen3-8B",\
                        "choices":[{"index":0,"delta":{"reasoning_content":" is four."},"finish_reason":null}]}

                        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"Qwen/Qwen3-8B",\
                        "choices":[{"index":0,"delta":{"content":"4"},"finish_reason":"stop"}]}

                        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"Qwen/Qwen3-8B",\
                        "choices":[],"usage":{"prompt_tokens":12,"completion_tokens":20,"total_tokens":32,\
                        "completion_tokens_details":{"reasoning_tokens":17}}}

                        data: [DONE]

                        """)));
        ChatRequest request = ChatRequest.builder("Qwen/Qwen3-8B").messages(ChatMessage.user("2+2?"))
                .topK(20).reasoning(ReasoningConfig.effort("medium")).build();

        List<StreamChunk> chunks = ChunkCollector.subscribe(new OpenAiCompatibleProvider().chatCompletionStream(
                ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, baseUrl), request, null)).awaitCompletion();

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"Qwen/Qwen3-8B","messages":[{"role":"user","content":"2+2?"}],"top_k":20,
                 "reasoning_effort":"medium","stream":true,"stream_options":{"include_usage":true}}""",
                false, false)));
        assertEquals("Two plus two is four.",
                chunks.stream().map(StreamChunk::reasoningDelta).collect(Collectors.joining()));
        assertEquals("4", OpenAiStreamDecoderTest.text(chunks, 0));
        assertEquals(List.of(new Usage(12, 20, 32, null, 17)), OpenAiStreamDecoderTest.usages(chunks));
    }

    @Test
    void aCompatibleServersReasoningAnswer() throws Exception {
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"gen-9","object":"chat.completion","created":1,"model":"deepseek/deepseek-r1",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"4",
                          "reasoning":"Two plus two is four."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":12,"completion_tokens":20,"total_tokens":32,
                          "completion_tokens_details":{"reasoning_tokens":17}}}""")));

        ChatResponse response = await(new OpenAiCompatibleProvider().chatCompletion(
                ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, baseUrl),
                ChatRequest.builder("deepseek/deepseek-r1").messages(ChatMessage.user("2+2?")).build(), KEY));

        assertEquals("4", response.choices().get(0).text());
        assertEquals("Two plus two is four.", response.choices().get(0).reasoning());
        assertEquals(new Usage(12, 20, 32, null, 17), response.usage());
    }
}
