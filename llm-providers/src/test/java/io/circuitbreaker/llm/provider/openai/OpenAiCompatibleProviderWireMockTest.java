package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class OpenAiCompatibleProviderWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("gsk_compatible-Hq27Xv91LmPa");
    private static final String AZURE_KEY = SecretLeakGuard.secret("0f5e9c1d2b7a4e6f8a3c5d7e9b1f2a4c");
    /** WireMock stands in for the Azure host; the detection only needs "openai.azure.com" in the base URL. */
    private static final String AZURE_PATH = "/openai.azure.com/openai/deployments/gpt-4o-prod";
    private static final String API_VERSION = "?api-version=2024-10-21";

    private final OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider();
    private String baseUrl;
    private WireMock wm;

    @BeforeEach
    void setUp(WireMockRuntimeInfo info) {
        baseUrl = info.getHttpBaseUrl();
        wm = info.getWireMock();
    }

    private ProviderEndpoint ollama() {
        return ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, baseUrl + "/v1");
    }

    private ProviderEndpoint azure() {
        return ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, baseUrl + AZURE_PATH + API_VERSION);
    }

    private static ChatRequest hello(String model) {
        return ChatRequest.builder(model).messages(ChatMessage.user("Hello, how are you?")).build();
    }

    private void serve(String path, String fixture, String contentType) {
        wm.register(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(Fixtures.read(fixture))));
    }

    @Test
    void isTheCompatibleBean() {
        assertEquals(ProviderType.OPENAI_COMPATIBLE, provider.providerType());
        assertEquals(ProviderType.OPENAI_COMPATIBLE,
                OpenAiCompatibleProvider.class.getAnnotation(LlmProvider.class).value());
        assertEquals(ProviderType.OPENAI, OpenAiProvider.class.getAnnotation(LlmProvider.class).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void withoutAKeyNoAuthorizationHeaderIsSent(String noKey) throws Exception {
        serve("/v1/chat/completions", "openai/chat-completion.json", "application/json");

        ChatResponse response = await(provider.chatCompletion(ollama(), hello("llama3.1:8b"), noKey));

        wm.verifyThat(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withoutHeader("Authorization").withoutHeader("api-key")
                .withRequestBody(equalToJson("""
                        {"model":"llama3.1:8b","messages":[{"role":"user","content":"Hello, how are you?"}]}""")));
        assertEquals(ProviderType.OPENAI_COMPATIBLE, response.provider());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), response.choices().get(0).finishReason());
        assertEquals(new Usage(13, 31, 44, 0, 0), response.usage());
    }

    @Test
    void streamWithoutAKeyHasNoAuthorizationHeader() throws Exception {
        serve("/v1/chat/completions", "openai/chat-stream-text-usage.sse", "text/event-stream");

        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(ollama(), hello("llama3.1:8b"), null)).awaitCompletion();

        wm.verifyThat(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withoutHeader("Authorization"));
        assertEquals("1, 2, 3, 4, 5", OpenAiStreamDecoderTest.text(chunks, 0));
        assertEquals(List.of(new Usage(14, 13, 27, 0, 0)), OpenAiStreamDecoderTest.usages(chunks));
    }

    @Test
    void withAKeyItIsABearerToken() throws Exception {
        serve("/v1/chat/completions", "openai/chat-completion.json", "application/json");
        await(provider.chatCompletion(ollama(), hello("llama-3.3-70b-versatile"), KEY));
        wm.verifyThat(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)).withoutHeader("api-key"));
    }

    @Test
    void azureGetsTheApiKeyHeaderAndKeepsTheApiVersion() throws Exception {
        serve(AZURE_PATH + "/chat/completions", "openai/chat-completion-tool-calls.json", "application/json");

        ChatResponse response = await(provider.chatCompletion(azure(), hello("gpt-4o"), AZURE_KEY));

        wm.verifyThat(1, postRequestedFor(urlEqualTo(AZURE_PATH + "/chat/completions" + API_VERSION))
                .withHeader("api-key", equalTo(AZURE_KEY)).withoutHeader("Authorization"));
        assertEquals("getCurrentWeather", response.choices().get(0).toolCalls().get(0).name());
        assertEquals(ProviderType.OPENAI_COMPATIBLE, response.provider());
    }

    @Test
    void azureStreamGetsTheApiKeyHeaderAndKeepsTheApiVersion() throws Exception {
        serve(AZURE_PATH + "/chat/completions", "openai/chat-stream-tool-call.sse", "text/event-stream");

        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(azure(), hello("gpt-4o"), AZURE_KEY)).awaitCompletion();

        wm.verifyThat(1, postRequestedFor(urlEqualTo(AZURE_PATH + "/chat/completions" + API_VERSION))
                .withHeader("api-key", equalTo(AZURE_KEY)).withoutHeader("Authorization"));
        assertEquals("{\"country\":\"UK\"}", OpenAiStreamDecoderTest.arguments(chunks, 0, 0));
    }

    @Test
    void azureHealthListsTheResourcesModels() throws Exception {
        wm.register(get(urlPathEqualTo("/openai.azure.com/openai/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[],\"object\":\"list\"}")));

        HealthProbe probe = await(provider.healthCheck(azure(), AZURE_KEY));

        assertTrue(probe.healthy(), () -> String.valueOf(probe.error()));
        wm.verifyThat(1, getRequestedFor(urlEqualTo("/openai.azure.com/openai/models" + API_VERSION))
                .withHeader("api-key", equalTo(AZURE_KEY)).withoutHeader("Authorization"));
    }

    @Test
    void healthOfAServerWithoutKey() throws Exception {
        wm.register(get("/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"object\":\"list\",\"data\":[]}")));

        HealthProbe probe = await(provider.healthCheck(ollama(), ""));

        assertTrue(probe.healthy());
        assertNull(probe.error());
        wm.verifyThat(1, getRequestedFor(urlEqualTo("/v1/models")).withoutHeader("Authorization"));
    }

    @Test
    void ollamaStyleErrorStringIsTyped() throws Exception {
        wm.register(post("/v1/chat/completions").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}")));

        LlmProviderException e = failure(provider.chatCompletion(ollama(), hello("llama9"), null));
        SecretLeakGuard.observe(e);

        ModelNotFoundException notFound = assertInstanceOf(ModelNotFoundException.class, e);
        assertEquals(ProviderType.OPENAI_COMPATIBLE, notFound.provider());
        assertEquals(404, notFound.httpStatus());
        assertFalse(notFound.retryable());
        assertTrue(notFound.getMessage().contains("model \"llama9\" not found"), notFound.getMessage());
    }

    @Test
    void anErrorEventInsideAStreamThatEchoesTheKeyNeverRepeatsIt() throws Exception {
        wm.register(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("data: {\"id\":\"c\",\"object\":"
                        + "\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
                        + "data: {\"error\":{\"message\":\"internal error for key " + KEY + "\","
                        + "\"type\":\"server_error\"}}\n\n")));

        ChunkCollector collector = ChunkCollector.subscribe(
                provider.chatCompletionStream(ollama(), hello("llama3.1:8b"), KEY));
        LlmProviderException e = collector.awaitProviderError();
        SecretLeakGuard.observe(e);

        assertEquals("Hel", collector.chunks.get(0).textDelta());
        assertTrue(e.getMessage().contains("internal error for key [REDACTED]"), e.getMessage());
    }

    @Test
    void anErrorObjectInA200ThatEchoesTheKeyNeverRepeatsIt() throws Exception {
        wm.register(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":"
                        + "\"internal error for key " + KEY + "\",\"type\":\"server_error\"}}")));

        LlmProviderException e = failure(provider.chatCompletion(ollama(), hello("llama3.1:8b"), KEY));
        SecretLeakGuard.observe(e);

        assertTrue(e.getMessage().contains("internal error for key [REDACTED]"), e.getMessage());
    }
}
