package io.circuitbreaker.llm.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class AnthropicProviderWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("ant-test-WireMockKey-7fQ2xLr9Vb3Nc8Hd1Kp");

    private final AnthropicProvider provider = new AnthropicProvider();

    private static ProviderEndpoint endpoint(WireMockRuntimeInfo wm) {
        return ProviderEndpoint.of(ProviderType.ANTHROPIC, wm.getHttpBaseUrl());
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("content-type", "application/json")
                .withBody(Fixtures.read("anthropic/" + fixture));
    }

    private static ResponseDefinitionBuilder sse(String fixture) {
        return aResponse().withStatus(200).withHeader("content-type", "text/event-stream; charset=utf-8")
                .withHeader("cache-control", "no-cache").withBody(Fixtures.read("anthropic/" + fixture));
    }

    private static LlmProviderException failure(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            LlmProviderException typed = assertInstanceOf(LlmProviderException.class, e.getCause());
            SecretLeakGuard.observe(typed);
            return typed;
        }
    }

    private static ChatRequest weatherRequest() {
        return ChatRequest.builder("claude-haiku-4-5-20251001")
                .messages(ChatMessage.system("Use tools when useful."), ChatMessage.user("Weather in Boston?"))
                .maxTokens(256)
                .temperature(0.0)
                .tools(List.of(new ToolDefinition("getCurrentWeather", "Get the current weather in a location",
                        "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},"
                                + "\"required\":[\"location\"]}", null)))
                .toolChoice(ToolChoice.AUTO)
                .build();
    }

    @Test
    void isTheAnthropicBean() {
        assertEquals(ProviderType.ANTHROPIC, provider.providerType());
        assertEquals(ProviderType.ANTHROPIC, AnthropicProvider.class.getAnnotation(LlmProvider.class).value());
        assertNotNull(AnthropicProvider.class.getAnnotation(jakarta.enterprise.context.ApplicationScoped.class));
    }

    @Test
    void sendsTheExactBodyAndHeadersAndMapsTheRecordedToolUseAnswer(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, "messages-tool-use.json")
                .withHeader("request-id", "req_011CXWs8vFX3v24o6sipHk5h")));

        ChatResponse response = provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("content-type", equalTo("application/json"))
                .withHeader("authorization", absent())
                .withRequestBody(equalToJson("""
                        {
                          "model": "claude-haiku-4-5-20251001",
                          "max_tokens": 256,
                          "system": "Use tools when useful.",
                          "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather in Boston?"}]}],
                          "temperature": 0.0,
                          "tools": [{"name": "getCurrentWeather",
                                     "description": "Get the current weather in a location",
                                     "input_schema": {"type": "object",
                                                      "properties": {"location": {"type": "string"}},
                                                      "required": ["location"]}}],
                          "tool_choice": {"type": "auto"}
                        }
                        """, false, false)));
        assertEquals("msg_01PCLnFdYgzwikTmiYq6pVtP", response.id());
        assertEquals("claude-haiku-4-5-20251001", response.model());
        assertEquals(ProviderType.ANTHROPIC, response.provider());
        Choice choice = response.choices().get(0);
        assertEquals("", choice.text());
        assertEquals(List.of(new ToolCall("toolu_01XnSg3YrHqGYq2L7V184iUK", "getCurrentWeather",
                "{\"location\":\"Boston, MA\"}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_use"), choice.finishReason());
        assertEquals(new Usage(604, 56, 660, 0, null, 0, 0), response.usage());
    }

    @Test
    void nonStreamingTextAnswer(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, "messages.json")
                .withHeader("request-id", "req_011CSFCDzbeWe2qGKAeNMhfZ")));

        ChatResponse response = provider.chatCompletion(endpoint(wm),
                ChatRequest.builder("claude-3-opus-20240229").messages(ChatMessage.user("How are you?")).build(), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model": "claude-3-opus-20240229", "max_tokens": 4096,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "How are you?"}]}]}
                """, false, false)));
        assertEquals("Hello! As an AI language model, I don't have feelings, but I'm functioning properly and ready "
                + "to assist you. How can I help you today?", response.text());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "end_turn"), response.choices().get(0).finishReason());
        assertEquals(new Usage(13, 35, 48, 0, null, 0, 0), response.usage());
    }

    @Test
    void nonStreamingMaxTokensAnswer(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, "messages-max-tokens.json")));

        ChatResponse response = provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "max_tokens"),
                response.choices().get(0).finishReason());
        assertTrue(response.text().endsWith("Could you please provide the city"), response.text());
        assertEquals(new Usage(611, 100, 711, 0, null, 0, 0), response.usage());
    }

    @Test
    void streamsTheRecordedToolUseStreamThroughTheRealPublisher(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(sse("messages-stream-tool-use.sse")
                .withHeader("anthropic-ratelimit-requests-remaining", "3999")));

        List<StreamChunk> chunks = ChunkCollector
                .subscribe(provider.chatCompletionStream(endpoint(wm), weatherRequest(), KEY)).awaitCompletion();

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("content-type", equalTo("application/json"))
                .withHeader("accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("""
                        {"model": "claude-haiku-4-5-20251001", "max_tokens": 256, "stream": true,
                         "system": "Use tools when useful.", "temperature": 0.0,
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "Weather in Boston?"}]}],
                         "tools": [{"name": "getCurrentWeather",
                                    "description": "Get the current weather in a location",
                                    "input_schema": {"type": "object",
                                                     "properties": {"location": {"type": "string"}},
                                                     "required": ["location"]}}],
                         "tool_choice": {"type": "auto"}}
                        """, false, false)));
        assertEquals("I'll calculate the tip and get the waiter's name for you.",
                chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertEquals("{\"billAmount\": 50, \"tipPercentage\": 15}", arguments(chunks, 0));
        assertEquals("{}", arguments(chunks, 1));
        assertEquals(List.of("toolu_01VsaoaKxpzdz8vgY4hTGjE3", "toolu_01Uksi8drJHeC8rCj8yVUtCJ"),
                chunks.stream().flatMap(c -> c.toolCalls().stream()).filter(d -> d.id() != null)
                        .map(d -> d.id()).toList());
        StreamChunk last = chunks.get(chunks.size() - 1);
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_use"), last.finishReason());
        assertEquals(new Usage(679, 111, 790, 0, null, 0, 0), last.usage());
    }

    @Test
    void streamsTheRecordedTextStream(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(sse("messages-stream-text.sse")));

        List<StreamChunk> chunks = ChunkCollector.subscribe(provider.chatCompletionStream(
                endpoint(wm), ChatRequest.builder("claude-3-opus-20240229")
                        .messages(ChatMessage.user("Count to 5")).build(), KEY)).awaitCompletion();

        assertEquals("1\n2\n3\n4\n5", chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "end_turn"), chunks.get(chunks.size() - 1)
                .finishReason());
        assertEquals(new Usage(15, 13, 28, 0, null, 0, 0), chunks.get(chunks.size() - 1).usage());
    }

    @Test
    void aStreamCutBeforeMessageStopFailsMalformed(WireMockRuntimeInfo wm) throws Exception {
        String full = Fixtures.read("anthropic/messages-stream-text.sse");
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream")
                .withBody(full.substring(0, full.indexOf("event: message_stop")))));

        ChunkCollector subscriber = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), weatherRequest(), KEY));
        Throwable error = subscriber.awaitError();

        SecretLeakGuard.observe(error);
        MalformedResponseException e = assertInstanceOf(MalformedResponseException.class, error);
        assertEquals("stream_truncated", e.providerCode());
        // what arrived before the cut was still forwarded
        assertEquals("1\n2\n3\n4\n5", subscriber.chunks.stream().map(StreamChunk::textDelta)
                .collect(Collectors.joining()));
    }

    @Test
    void aMidStreamErrorEventFailsTheStreamTyped(WireMockRuntimeInfo wm) throws Exception {
        String full = Fixtures.read("anthropic/messages-stream-text.sse");
        String body = full.substring(0, full.indexOf("event: content_block_stop"))
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"details\":null,\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}\n\n";
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(body)));

        Throwable error = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), weatherRequest(), KEY)).awaitError();

        SecretLeakGuard.observe(error);
        ProviderUnavailableException e = assertInstanceOf(ProviderUnavailableException.class, error);
        assertEquals(ErrorKind.OVERLOADED, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void aMidStreamErrorEventThatEchoesTheKeyNeverRepeatsIt(WireMockRuntimeInfo wm) throws Exception {
        String full = Fixtures.read("anthropic/messages-stream-text.sse");
        String body = full.substring(0, full.indexOf("event: content_block_stop"))
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded while serving key " + KEY + "\"}}\n\n";
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(body)));

        Throwable error = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), weatherRequest(), KEY)).awaitError();

        SecretLeakGuard.observe(error);
        assertInstanceOf(ProviderUnavailableException.class, error);
        assertTrue(error.getMessage().contains("Overloaded while serving key [REDACTED]"), error.getMessage());
    }

    @Test
    void anErrorEnvelopeInA200ThatEchoesTheKeyNeverRepeatsIt(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"type\":\"error\",\"error\":{"
                        + "\"type\":\"api_error\",\"message\":\"internal error for key " + KEY + "\"}}")));

        LlmProviderException e = failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY));

        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void streamingRateLimitCarriesRetryAfter(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(429, "error-429-rate-limit.json")
                .withHeader("retry-after", "8")));

        Throwable error = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), weatherRequest(), KEY)).awaitError();

        SecretLeakGuard.observe(error);
        RateLimitedException e = assertInstanceOf(RateLimitedException.class, error);
        assertEquals(429, e.httpStatus());
        assertEquals(Duration.ofSeconds(8), e.retryAfter().orElseThrow());
    }

    @Test
    void recordedRateLimitWithItsHeaders(WireMockRuntimeInfo wm) throws Exception {
        // the headers manifest.json recorded for this body
        wm.getWireMock().register(post("/v1/messages").willReturn(json(429, "error-429-rate-limit.json")
                .withHeader("retry-after", "8")));

        RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)));

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryable());
        assertEquals(429, e.httpStatus());
        assertEquals("rate_limit_error", e.providerCode());
        assertEquals(Duration.ofSeconds(8), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("30,000 input tokens per minute"), e.getMessage());
        assertTrue(e.getMessage().contains("req_011CWpkRbmXdErbZpsQbQ5j8"), e.getMessage());
    }

    @Test
    void rateLimitWithoutRetryAfterUsesTheExhaustedAnthropicLimitReset(WireMockRuntimeInfo wm) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        wm.getWireMock().register(post("/v1/messages").willReturn(json(429, "error-429-rate-limit.json")
                .withHeader("anthropic-ratelimit-requests-limit", "4000")
                .withHeader("anthropic-ratelimit-requests-remaining", "3999")
                .withHeader("anthropic-ratelimit-requests-reset", now.plusSeconds(2).toString())
                .withHeader("anthropic-ratelimit-input-tokens-limit", "30000")
                .withHeader("anthropic-ratelimit-input-tokens-remaining", "0")
                .withHeader("anthropic-ratelimit-input-tokens-reset", now.plusSeconds(40).toString())));

        RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)));

        // the exhausted input-token limit decides, not the requests limit that resets sooner
        Duration wait = e.retryAfter().orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(30)) > 0 && wait.compareTo(Duration.ofSeconds(40)) <= 0,
                wait.toString());
    }

    @Test
    void promptTooLongIsContextLengthExceeded(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(400, "error-400-prompt-too-long.json")));

        ContextLengthExceededException e = assertInstanceOf(ContextLengthExceededException.class,
                failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)));

        assertEquals(ErrorKind.CONTEXT_LENGTH_EXCEEDED, e.kind());
        assertFalse(e.retryable());
        assertEquals(400, e.httpStatus());
        assertEquals("invalid_request_error", e.providerCode());
        assertTrue(e.getMessage().contains("prompt is too long: 200021 tokens > 200000 maximum"), e.getMessage());
    }

    @Test
    void plainTextEdge503IsUnavailableWithItsText(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(503)
                .withHeader("content-type", "text/plain")
                .withBody(Fixtures.read("anthropic/error-503-upstream-connect-error.txt"))));

        ProviderUnavailableException e = assertInstanceOf(ProviderUnavailableException.class,
                failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY)));

        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertTrue(e.retryable());
        assertEquals(503, e.httpStatus());
        assertNull(e.providerCode());
        assertEquals("anthropic answered HTTP 503: non-JSON error body: upstream connect error or disconnect/reset "
                + "before headers. reset reason: connection termination", e.getMessage());
    }

    @Test
    void unexpectedSuccessBodyIsMalformed(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/html").withBody("<html><body>captive portal</body></html>")));

        LlmProviderException e = failure(provider.chatCompletion(endpoint(wm), weatherRequest(), KEY));

        assertInstanceOf(MalformedResponseException.class, e);
        assertEquals(200, e.httpStatus());
    }

    @Test
    void aRequestAnthropicCannotTakeFailsWithoutBeingSent(WireMockRuntimeInfo wm) throws Exception {
        ChatRequest bad = ChatRequest.builder("m").messages(ChatMessage.user("x"),
                ChatMessage.assistantToolCalls(List.of(new ToolCall("t1", "f", "not json")))).build();

        LlmProviderException e = failure(provider.chatCompletion(endpoint(wm), bad, KEY));
        Throwable streamError = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), bad, KEY)).awaitError();

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertInstanceOf(io.circuitbreaker.llm.error.InvalidRequestException.class, streamError);
        assertTrue(wm.getWireMock().getServeEvents().isEmpty());
    }

    @Test
    void healthUpListsOneModelWithoutSpendingTokens(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get(urlPathEqualTo("/v1/models")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json")
                .withBody("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\","
                        + "\"display_name\":\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],"
                        + "\"has_more\":true,\"first_id\":\"claude-sonnet-4-5-20250929\","
                        + "\"last_id\":\"claude-sonnet-4-5-20250929\"}")));

        HealthProbe probe = provider.healthCheck(endpoint(wm), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertTrue(probe.healthy());
        assertNull(probe.error());
        assertNotNull(probe.latency());
        assertFalse(probe.latency().isNegative());
        assertNotNull(probe.checkedAt());
        wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/v1/models?limit=1"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01")));
        wm.getWireMock().verifyThat(0, postRequestedFor(urlPathEqualTo("/v1/messages")));
    }

    @Test
    void healthDownOnRejectedKey(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get(urlPathEqualTo("/v1/models")).willReturn(json(401,
                "error-401-authentication.json").withHeader("x-should-retry", "false")));

        HealthProbe probe = provider.healthCheck(endpoint(wm), KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertFalse(probe.healthy());
        assertEquals("HTTP 401: invalid x-api-key", probe.error());
    }

    @Test
    void healthDownWhenUnreachable() throws Exception {
        // a port nothing listens on: WireMock's own port is still taken by the running server, so use port 1
        ProviderEndpoint closed = ProviderEndpoint.of(ProviderType.ANTHROPIC, "http://127.0.0.1:1");

        HealthProbe probe = provider.healthCheck(closed, KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertFalse(probe.healthy());
        assertNotNull(probe.error());
        assertTrue(probe.error().startsWith("connection failed") || probe.error().startsWith("connect timeout"),
                probe.error());
        assertFalse(probe.error().contains(KEY));
    }

    private static String arguments(List<StreamChunk> chunks, int index) {
        return chunks.stream().flatMap(c -> c.toolCalls().stream()).filter(d -> d.index() == index)
                .map(d -> d.argumentsFragment()).collect(Collectors.joining());
    }
}
