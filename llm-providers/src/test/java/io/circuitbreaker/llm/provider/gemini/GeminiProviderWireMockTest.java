package io.circuitbreaker.llm.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.testing.ChunkCollector;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.ContentFilteredException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class GeminiProviderWireMockTest {

    static final String KEY = SecretLeakGuard.secret("AIza" + "SyGeminiWireMockLeakGuard_0123456789");
    static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    static final String MINIMAL_BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather?\"}]}]}";

    final GeminiProvider provider = new GeminiProvider();

    static ProviderEndpoint endpoint(WireMockRuntimeInfo wm) {
        return ProviderEndpoint.of(ProviderType.GOOGLE, wm.getHttpBaseUrl());
    }

    static ChatRequest minimal(String model) {
        return ChatRequest.builder(model).messages(ChatMessage.user("Weather?")).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withHeader("Content-Disposition", "attachment").withBody(body);
    }

    @Test
    void isTheGoogleBean() {
        assertEquals(ProviderType.GOOGLE, provider.providerType());
        assertEquals(ProviderType.GOOGLE, GeminiProvider.class.getAnnotation(LlmProvider.class).value());
        assertNotNull(GeminiProvider.class.getAnnotation(ApplicationScoped.class));
    }

    @Test
    void sendsTheExactBodyWithTheKeyOnlyInTheHeader(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathEqualTo(GENERATE))
                .willReturn(json(200, Fixtures.read("gemini/generate-content.json"))));

        // "models/" prefixed ids, as ListModels names them, must not double the prefix
        ChatResponse response = provider.chatCompletion(endpoint(wm),
                GeminiMapperTest.richRequest().withModel("models/gemini-2.5-flash"), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(GENERATE))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withHeader("Authorization", absent())
                .withQueryParam("key", absent())
                .withRequestBody(equalToJson(GeminiMapperTest.RICH_REQUEST_JSON, false, false)));
        assertEquals(1, wm.getWireMock().find(anyRequestedFor(anyUrl())).size());
        assertFalse(wm.getWireMock().find(anyRequestedFor(anyUrl())).get(0).getUrl().contains(KEY));

        assertEquals("xlWYafXAOKSf1e8PpcODiAg", response.id());
        assertEquals("gemini-2.5-flash", response.model());
        assertEquals(ProviderType.GOOGLE, response.provider());
        assertEquals(List.of(new Choice(0, "Paris", null, List.of(), FinishReason.of(FinishReason.Kind.STOP, "STOP"))),
                response.choices());
        assertEquals(new Usage(11, 35, 46, null, 34), response.usage());
    }

    @Test
    void functionCallAnswerWithAVersionedBaseUrl(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathEqualTo(GENERATE))
                .willReturn(json(200, Fixtures.read("gemini/generate-content-function-call.json"))));
        ProviderEndpoint versioned = ProviderEndpoint.of(ProviderType.GOOGLE, wm.getHttpBaseUrl() + "/v1beta/");

        ChatResponse response = provider.chatCompletion(versioned, minimal("gemini-2.5-flash"), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo(GENERATE))
                .withRequestBody(equalToJson(MINIMAL_BODY, false, false)));
        Choice choice = response.choices().get(0);
        assertEquals(List.of(new ToolCall("call_0_0", "sum", "{\"a\":1,\"b\":2}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "STOP"), choice.finishReason());
        assertEquals(new Usage(155, 68, 223, null, 50), response.usage());
    }

    @Test
    void successStatusWithABodyThatIsNotGeminiIsMalformed(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathEqualTo(GENERATE))
                .willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> provider.chatCompletion(endpoint(wm), minimal("gemini-2.5-flash"), KEY)
                        .toCompletableFuture().get(20, TimeUnit.SECONDS));
        MalformedResponseException malformed = assertInstanceOf(MalformedResponseException.class, e.getCause());
        assertTrue(malformed.retryable());
        SecretLeakGuard.observe(malformed);
    }

    @Test
    void streamsTheRecordedAnswerThroughTheRealPublisher(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlEqualTo(STREAM))
                .willReturn(sse(Fixtures.read("gemini/stream-generate-content.sse"))));

        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), minimal("models/gemini-2.5-flash"), KEY)).awaitCompletion();

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(STREAM))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withQueryParam("key", absent())
                .withRequestBody(equalToJson(MINIMAL_BODY, false, false)));
        assertEquals(4, chunks.size());
        assertEquals(GeminiStreamDecoderTest.FULL_TEXT,
                chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        StreamChunk last = chunks.get(3);
        assertEquals("wyawaZq1OqfNkdUPu_SioAU", last.id());
        assertEquals("gemini-2.5-flash", last.model());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "STOP"), last.finishReason());
        assertEquals(new Usage(29, 314, 343, null, 199), last.usage());
        chunks.subList(0, 3).forEach(c -> assertNull(c.usage()));
    }

    @Test
    void streamedPromptBlockIsAContentFilterError(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlEqualTo(STREAM))
                .willReturn(sse(Fixtures.read("gemini/stream-prompt-blocked-safety.sse"))));
        Throwable error = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), minimal("gemini-2.5-flash"), KEY)).awaitError();
        ContentFilteredException filtered = assertInstanceOf(ContentFilteredException.class, error);
        assertEquals("SAFETY", filtered.providerCode());
        assertEquals(ErrorKind.CONTENT_FILTERED, filtered.kind());
        SecretLeakGuard.observe(filtered);
    }

    @Test
    void streamCutShortIsMalformed(WireMockRuntimeInfo wm) throws Exception {
        String recorded = Fixtures.read("gemini/stream-generate-content.sse");
        String firstThree = recorded.substring(0, recorded.lastIndexOf("data: "));
        wm.getWireMock().register(post(urlEqualTo(STREAM)).willReturn(sse(firstThree)));

        ChunkCollector collector = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), minimal("gemini-2.5-flash"), KEY));
        Throwable error = collector.awaitError();
        assertInstanceOf(MalformedResponseException.class, error);
        assertEquals(3, collector.chunks.size(), "what arrived was forwarded before the error");
        SecretLeakGuard.observe(error);
    }

    /** A key that does not look like one (a proxy's token, say): only masking by value can catch it. */
    static final String PLAIN_KEY = SecretLeakGuard.secret("gemini-proxy-token-4Kx9Qm2Lw7");

    @Test
    void anErrorInsideAStreamThatEchoesTheKeyNeverRepeatsIt(WireMockRuntimeInfo wm) throws Exception {
        String recorded = Fixtures.read("gemini/stream-generate-content.sse");
        String first = recorded.substring(0, recorded.indexOf("data: ", 1));
        wm.getWireMock().register(post(urlEqualTo(STREAM)).willReturn(sse(first + "data: {\"error\":{\"code\":500,"
                + "\"message\":\"Internal error for key " + PLAIN_KEY + "\",\"status\":\"INTERNAL\"}}\n\n")));

        ChunkCollector collector = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), minimal("gemini-2.5-flash"), PLAIN_KEY));
        Throwable error = collector.awaitError();

        SecretLeakGuard.observe(error);
        assertEquals(1, collector.chunks.size(), "the chunk before the error was forwarded");
        assertTrue(error.getMessage().contains("Internal error for key [REDACTED]"), error.getMessage());
    }

    @Test
    void anErrorObjectInA200ThatEchoesTheKeyNeverRepeatsIt(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post(urlPathEqualTo(GENERATE)).willReturn(json(200, "{\"error\":{\"code\":500,"
                + "\"message\":\"Internal error for key " + PLAIN_KEY + "\",\"status\":\"INTERNAL\"}}")));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> provider.chatCompletion(endpoint(wm), minimal("gemini-2.5-flash"), PLAIN_KEY)
                        .toCompletableFuture().get(20, TimeUnit.SECONDS));

        SecretLeakGuard.observe(e.getCause());
        assertTrue(e.getCause().getMessage().contains("Internal error for key [REDACTED]"), e.getCause().getMessage());
    }

    @Test
    void streamRejectedUpFrontIsTyped(WireMockRuntimeInfo wm) throws Exception {
        // Gemini answers a failed stream with a plain JSON error even though it says text/event-stream
        wm.getWireMock().register(post(urlEqualTo(STREAM)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.read("gemini/error-429-resource-exhausted.json"))));
        Throwable error = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), minimal("gemini-2.5-flash"), KEY)).awaitError();
        RateLimitedException limited = assertInstanceOf(RateLimitedException.class, error);
        assertEquals(429, limited.httpStatus());
        assertEquals("RESOURCE_EXHAUSTED", limited.providerCode());
        assertTrue(limited.retryAfter().isEmpty());
        SecretLeakGuard.observe(limited);
    }

    @Test
    void healthUpListsModelsWithoutSpendingTokens(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get(urlPathEqualTo("/v1beta/models")).willReturn(json(200,
                "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"}],\"nextPageToken\":\"t\"}")));

        HealthProbe probe = provider.healthCheck(endpoint(wm), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertTrue(probe.healthy());
        assertNull(probe.error());
        assertFalse(probe.latency().isNegative());
        assertNotNull(probe.checkedAt());
        wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/v1beta/models?pageSize=1"))
                .withHeader("x-goog-api-key", equalTo(KEY)));
        wm.getWireMock().verifyThat(0, postRequestedFor(anyUrl()));
    }

    @Test
    void healthDownOnARejectedKey(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get(urlPathEqualTo("/v1beta/models"))
                .willReturn(json(400, Fixtures.read("gemini/error-400-api-key-invalid.json"))));

        HealthProbe probe = provider.healthCheck(endpoint(wm), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertFalse(probe.healthy());
        assertEquals("HTTP 400 INVALID_ARGUMENT: API key not valid. Please pass a valid API key.", probe.error());
    }

    @Test
    void healthDownWhenTheConnectionBreaks(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get(urlPathEqualTo("/v1beta/models"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HealthProbe probe = provider.healthCheck(endpoint(wm), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertFalse(probe.healthy());
        assertTrue(probe.error().startsWith("connection failed"), probe.error());
        assertFalse(probe.error().contains(KEY));
    }
}
