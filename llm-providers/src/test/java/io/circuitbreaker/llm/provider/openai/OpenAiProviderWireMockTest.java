package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class OpenAiProviderWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("sk-proj-wiremock-Zq81mNf03LwPd7");
    private static final String CHAT = "/v1/chat/completions";

    private final OpenAiProvider provider = new OpenAiProvider();
    private ProviderEndpoint endpoint;
    private WireMock wm;

    @AfterAll
    static void guardSawSomething() {
        assertTrue(SecretLeakGuard.observedCount() > 0);
    }

    @BeforeEach
    void setUp(WireMockRuntimeInfo info) {
        endpoint = ProviderEndpoint.of(ProviderType.OPENAI, info.getHttpBaseUrl() + "/v1");
        wm = info.getWireMock();
    }

    private static ChatRequest hello() {
        return ChatRequest.builder("gpt-3.5-turbo").messages(ChatMessage.user("Hello, how are you?")).build();
    }

    private void serveJson(int status, String fixture) {
        wm.register(post(CHAT).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_7997c69c86b744538a2884c8d777754b")
                .withBody(Fixtures.read(fixture))));
    }

    private void serveStream(String body) {
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(body)));
    }

    @Test
    void sendsTheExactRequestAndMapsTheAnswer() throws Exception {
        serveJson(200, "openai/chat-completion.json");

        ChatResponse response = await(provider.chatCompletion(endpoint, OpenAiMapperTest.richRequest("gpt-4o"), KEY));

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                .withoutHeader("api-key")
                .withRequestBody(equalToJson(OpenAiMapperTest.RICH_REQUEST_JSON, false, false)));
        assertEquals("chatcmpl-C6bhxDl79vlojU2DYKbzyDh0FmLZY", response.id());
        assertEquals("gpt-3.5-turbo-0125", response.model());
        assertEquals(ProviderType.OPENAI, response.provider());
        assertEquals(1, response.choices().size());
        Choice choice = response.choices().get(0);
        assertEquals("Hello! I'm just a computer program, so I don't have feelings, but I'm here to help you. "
                + "How can I assist you today?", choice.text());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), choice.finishReason());
        assertEquals(new Usage(13, 31, 44, 0, 0), response.usage());
        assertEquals(ProviderType.OPENAI, provider.providerType());
    }

    @Test
    void reasoningModelRequestUsesMaxCompletionTokens() throws Exception {
        serveJson(200, "openai/chat-completion.json");
        await(provider.chatCompletion(endpoint, ChatRequest.builder("o3-mini").messages(ChatMessage.user("Hi"))
                .maxTokens(100).build(), KEY));
        wm.verifyThat(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"o3-mini","messages":[{"role":"user","content":"Hi"}],"max_completion_tokens":100}""",
                false, false)));
    }

    @Test
    void toolCallAnswerThroughTheRestClient() throws Exception {
        serveJson(200, "openai/chat-completion-tool-calls.json");
        ChatResponse response = await(provider.chatCompletion(endpoint, hello(), KEY));
        assertEquals(List.of(new ToolCall("call_olc8qHf1RDItRqwuEBNjsu3B", "getCurrentWeather",
                "{\"location\":\"Boston\"}")), response.choices().get(0).toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls"),
                response.choices().get(0).finishReason());
        assertEquals(new Usage(81, 14, 95, 0, 0), response.usage());
    }

    @Test
    void successStatusWithABodyThatIsNoAnswerIsMalformed() throws Exception {
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Welcome to nginx</body></html>")));
        LlmProviderException e = failure(provider.chatCompletion(endpoint, hello(), KEY));
        SecretLeakGuard.observe(e);
        assertInstanceOf(MalformedResponseException.class, e);
        assertTrue(e.retryable());
    }

    @Test
    void streamsThroughTheRealPublisher() throws Exception {
        serveStream(Fixtures.read("openai/chat-stream-text-usage.sse"));

        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY)).awaitCompletion();

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"Hello, how are you?"}],
                         "stream":true,"stream_options":{"include_usage":true}}""", false, false)));
        assertEquals(16, chunks.size());
        assertEquals("1, 2, 3, 4, 5", OpenAiStreamDecoderTest.text(chunks, 0));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.STOP, "stop")),
                OpenAiStreamDecoderTest.finishes(chunks, 0));
        assertEquals(List.of(new Usage(14, 13, 27, 0, 0)), OpenAiStreamDecoderTest.usages(chunks));
    }

    @Test
    void streamsToolCallsThroughTheRealPublisher() throws Exception {
        serveStream(Fixtures.read("openai/chat-stream-tool-call.sse"));
        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY)).awaitCompletion();
        assertEquals("{\"country\":\"UK\"}", OpenAiStreamDecoderTest.arguments(chunks, 0, 0));
        assertEquals("call_ZR5UUuTt3pf61kjwAJIYdVMj", chunks.get(0).toolCalls().get(0).id());
        assertEquals("get_capital", chunks.get(0).toolCalls().get(0).name());
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls")),
                OpenAiStreamDecoderTest.finishes(chunks, 0));
        assertEquals(List.of(new Usage(53, 15, 68, 0, 0)), OpenAiStreamDecoderTest.usages(chunks));
    }

    @Test
    void streamsSeveralChoicesThroughTheRealPublisher() throws Exception {
        serveStream(Fixtures.read("openai/chat-stream-multiple-choices.sse"));
        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY)).awaitCompletion();
        assertEquals(109, chunks.size());
        assertTrue(OpenAiStreamDecoderTest.text(chunks, 0).endsWith("for the current weather conditions."));
        assertTrue(OpenAiStreamDecoderTest.text(chunks, 1).endsWith("where to find this information?"));
        assertEquals(List.of(new Usage(26, 104, 130, 0, 0)), OpenAiStreamDecoderTest.usages(chunks));
    }

    @Test
    void streamRejectedWithAPlainJsonErrorIsTyped() throws Exception {
        // recorded: a stream request with a bad key is answered with plain JSON, not SSE
        wm.register(post(CHAT).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Fixtures.read("openai/error-401-invalid-api-key.json"))));

        LlmProviderException e = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY)).awaitProviderError();
        SecretLeakGuard.observe(e);

        assertInstanceOf(AuthenticationException.class, e);
        assertEquals(401, e.httpStatus());
        assertEquals("invalid_api_key", e.providerCode());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
    }

    @Test
    void streamCutOffBeforeDoneFailsMalformed() throws Exception {
        String recorded = Fixtures.read("openai/chat-stream-text-usage.sse");
        serveStream(recorded.substring(0, recorded.indexOf("data: [DONE]")));

        ChunkCollector collector = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY));
        LlmProviderException e = collector.awaitProviderError();
        SecretLeakGuard.observe(e);

        assertInstanceOf(MalformedResponseException.class, e);
        assertEquals("1, 2, 3, 4, 5", OpenAiStreamDecoderTest.text(collector.chunks, 0));
    }

    @Test
    void errorEventInsideTheStreamFailsItTyped() throws Exception {
        String head = Fixtures.read("openai/chat-stream-text-usage.sse").lines().limit(4)
                .reduce("", (a, b) -> a + b + "\n");
        serveStream(head + "data: {\"error\":{\"message\":\"The server had an error while processing your "
                + "request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\ndata: [DONE]\n\n");

        ChunkCollector collector = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, hello(), KEY));
        LlmProviderException e = collector.awaitProviderError();
        SecretLeakGuard.observe(e);

        assertInstanceOf(ProviderUnavailableException.class, e);
        assertTrue(e.retryable());
        assertEquals("1", OpenAiStreamDecoderTest.text(collector.chunks, 0));
    }

    @Test
    void streamWithAnUnusableToolSchemaFailsBeforeSendingAnything() throws Exception {
        ChatRequest request = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi"))
                .tools(List.of(new ToolDefinition("broken", null, "{not json", null))).build();
        LlmProviderException e = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint, request, KEY)).awaitProviderError();
        assertInstanceOf(InvalidRequestException.class, e);
        assertInstanceOf(InvalidRequestException.class, failure(provider.chatCompletion(endpoint, request, KEY)));
        wm.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void healthIsUpWhenModelsAreListed() throws Exception {
        wm.register(get("/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}")));

        HealthProbe probe = await(provider.healthCheck(endpoint, KEY));

        assertTrue(probe.healthy());
        assertNull(probe.error());
        assertFalse(probe.latency().isNegative());
        wm.verifyThat(1, getRequestedFor(urlEqualTo("/v1/models"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        // a probe spends no tokens
        wm.verifyThat(0, postRequestedFor(anyUrl()));
    }

    @Test
    void healthIsDownWithTheProvidersReason() throws Exception {
        wm.register(get("/v1/models").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Fixtures.read("openai/error-401-invalid-api-key.json"))));

        HealthProbe probe = await(provider.healthCheck(endpoint, KEY));

        assertFalse(probe.healthy());
        assertTrue(probe.error().startsWith("HTTP 401: Incorrect API key provided: invalid-*****2345."),
                probe.error());
        assertFalse(probe.error().contains(KEY));
    }

    @Test
    void healthIsDownWhenTheConnectionBreaks() throws Exception {
        wm.register(get("/v1/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HealthProbe probe = await(provider.healthCheck(endpoint, KEY));

        assertFalse(probe.healthy());
        assertTrue(probe.error().startsWith("CONNECTION: "), probe.error());
    }
}
