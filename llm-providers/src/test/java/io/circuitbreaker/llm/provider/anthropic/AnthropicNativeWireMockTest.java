package io.circuitbreaker.llm.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.ChunkCollector;
import io.circuitbreaker.llm.testing.Fixtures;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wire of issue 17's additions: the forwarded native body and its headers, count_tokens, thinking, JSON. */
@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class AnthropicNativeWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("ant-test-NativeKey-4hT8qWm2Zp6Rv1Lx9Cd3");
    private static final String BETA = "interleaved-thinking-2025-05-14";

    private final AnthropicProvider provider = new AnthropicProvider();

    private static ProviderEndpoint endpoint(WireMockRuntimeInfo wm) {
        return ProviderEndpoint.of(ProviderType.ANTHROPIC, wm.getHttpBaseUrl());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("content-type", "application/json").withBody(body);
    }

    private static ChatRequest nativeRequest() {
        return AnthropicNativeRequestTest.routed("claude-sonnet-4-5-20250929",
                Map.of("anthropic-beta", BETA, "anthropic-version", "2099-01-01"));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static LlmProviderException failure(CompletionStage<?> stage) throws Exception {
        try {
            await(stage);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            LlmProviderException typed = assertInstanceOf(LlmProviderException.class, e.getCause());
            SecretLeakGuard.observe(typed);
            return typed;
        }
    }

    @Test
    void theCallersBodyAndBetaHeaderAreForwardedAndTheAnswerMapped(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, Fixtures.read("anthropic/messages.json"))));

        ChatResponse response = await(provider.chatCompletion(endpoint(wm), nativeRequest(), KEY));

        String expected = AnthropicNativeRequestTest.CALLER_BODY
                .replace("\"claude-sonnet-4-5\"", "\"claude-sonnet-4-5-20250929\"").replace("\"stream\": true,", "");
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("anthropic-beta", equalTo(BETA))
                .withHeader("authorization", absent())
                .withRequestBody(equalToJson(expected, false, false)));
        assertEquals("msg_014pVpaDLxzAdWjwpuN7rQQX", response.id());
        assertEquals(new Usage(13, 35, 48, 0, null, 0, 0), response.usage());
    }

    @Test
    void theDocumentedThinkingStreamThroughTheRealPublisher(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream; charset=utf-8")
                .withBody(AnthropicStreamDecoderTest.documented("messages-stream-thinking.sse"))));

        List<StreamChunk> chunks = ChunkCollector.subscribe(
                provider.chatCompletionStream(endpoint(wm), nativeRequest(), KEY)).awaitCompletion();

        String expected = AnthropicNativeRequestTest.CALLER_BODY
                .replace("\"claude-sonnet-4-5\"", "\"claude-sonnet-4-5-20250929\"");
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("anthropic-beta", equalTo(BETA))
                .withHeader("accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson(expected, false, false)));
        assertTrue(chunks.stream().map(StreamChunk::reasoningDelta).collect(Collectors.joining())
                .endsWith("So GCD(1071, 462) = 21"));
        assertEquals(List.of("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds..."),
                chunks.stream().map(StreamChunk::reasoningSignature).filter(s -> s != null).toList());
        assertEquals("The greatest common divisor of 1071 and 462 is **21**.",
                chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
    }

    @Test
    void countTokensSendsTheCountBodyWithTheSameHeadersAndReadsTheCount(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages/count_tokens").willReturn(json(200, "{\"input_tokens\":2095}")));

        OptionalInt count = await(provider.countTokens(endpoint(wm), nativeRequest(), KEY));

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages/count_tokens"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("anthropic-beta", equalTo(BETA))
                .withHeader("content-type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-5-20250929",
                         "system": [{"type": "text", "text": "You are Claude Code.",
                                     "cache_control": {"type": "ephemeral"}}],
                         "messages": [{"role": "user", "content": [
                           {"type": "document", "source": {"type": "text", "media_type": "text/plain",
                                                           "data": "notes"}},
                           {"type": "text", "text": "Summarise", "cache_control": {"type": "ephemeral", "ttl": "1h"}}
                         ]}],
                         "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 3}],
                         "thinking": {"type": "enabled", "budget_tokens": 10000},
                         "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}}
                        """, false, false)));
        assertEquals(OptionalInt.of(2095), count);
    }

    @Test
    void countTokensOfATranslatedRequest(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages/count_tokens").willReturn(json(200, "{\"input_tokens\":14}")));
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.user("Hi"))
                .maxTokens(100).temperature(0.3).build();

        assertEquals(OptionalInt.of(14), await(provider.countTokens(endpoint(wm), request, KEY)));
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages/count_tokens"))
                .withHeader("anthropic-beta", absent())
                .withRequestBody(equalToJson("""
                        {"model": "claude-haiku-4-5",
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]}
                        """, false, false)));
    }

    @Test
    void countTokensErrorsAreMappedLikeAChatCall(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages/count_tokens").willReturn(
                json(429, Fixtures.read("anthropic/error-429-rate-limit.json")).withHeader("retry-after", "8")));

        RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                failure(provider.countTokens(endpoint(wm), nativeRequest(), KEY)));

        assertEquals(429, e.httpStatus());
        assertEquals(Duration.ofSeconds(8), e.retryAfter().orElseThrow());
    }

    @Test
    void countTokensOfAnUnknownModelAndAnUnreadableAnswer(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages/count_tokens").willReturn(
                json(404, Fixtures.read("anthropic/error-404-not-found.json"))));
        assertInstanceOf(ModelNotFoundException.class, failure(provider.countTokens(endpoint(wm), nativeRequest(), KEY)));

        wm.getWireMock().register(post("/v1/messages/count_tokens").willReturn(json(200, "{\"tokens\":3}")));
        assertInstanceOf(MalformedResponseException.class,
                failure(provider.countTokens(endpoint(wm), nativeRequest(), KEY)));
    }

    @Test
    void aCountOfARequestAnthropicCannotTakeFailsWithoutBeingSent(WireMockRuntimeInfo wm) throws Exception {
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.user("Hi")).seed(1L).build();

        LlmProviderException e = failure(provider.countTokens(endpoint(wm), request, KEY));

        assertInstanceOf(InvalidRequestException.class, e);
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(wm.getWireMock().getServeEvents().isEmpty());
    }

    @Test
    void structuredOutputGoesOutAsAForcedToolAndComesBackAsText(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, """
                {"id":"msg_s","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[
                  {"type":"tool_use","id":"toolu_1","name":"json_response","input":{"answer":4}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":50,"output_tokens":20}}
                """)));
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.user("2+2 as JSON"))
                .maxTokens(100).responseFormat(ResponseFormat.JSON_OBJECT).build();

        ChatResponse response = await(provider.chatCompletion(endpoint(wm), request, KEY));

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model": "claude-haiku-4-5", "max_tokens": 100,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "2+2 as JSON"}]}],
                 "tools": [{"name": "json_response",
                            "description": "Give the answer as this tool's input, which must match its schema.",
                            "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "tool", "name": "json_response"}}
                """, false, false)));
        assertEquals("{\"answer\":4}", response.text());
        assertTrue(response.choices().get(0).toolCalls().isEmpty());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "tool_use"), response.choices().get(0).finishReason());
    }

    @Test
    void thinkingBlocksOfAnAnswerReachTheChoice(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/messages").willReturn(json(200, """
                {"id":"msg_t","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                  {"type":"thinking","thinking":"Add them.","signature":"WaUjzkyp"},
                  {"type":"redacted_thinking","data":"EmwKAhgBEgy3"},
                  {"type":"text","text":"4"}],
                 "stop_reason":"end_turn",
                 "usage":{"input_tokens":10,"cache_creation_input_tokens":7,"cache_read_input_tokens":3,
                          "output_tokens":30}}
                """)));
        ChatRequest request = ChatRequest.builder("claude-sonnet-4-5").messages(ChatMessage.user("2+2"))
                .reasoning(io.circuitbreaker.llm.model.ReasoningConfig.effort("medium")).build();

        ChatResponse response = await(provider.chatCompletion(endpoint(wm), request, KEY));

        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 6144,
                 "thinking": {"type": "enabled", "budget_tokens": 2048},
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "2+2"}]}]}
                """, false, false)));
        assertEquals(List.of(new ContentPart.Thinking("Add them.", "WaUjzkyp"),
                new ContentPart.RedactedThinking("EmwKAhgBEgy3")), response.choices().get(0).thinking());
        assertEquals("Add them.", response.choices().get(0).reasoning());
        assertEquals(new Usage(20, 30, 50, 3, null, 7), response.usage());
    }
}
