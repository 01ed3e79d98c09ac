package io.circuitbreaker.llm.provider.anthropic;

import static io.circuitbreaker.llm.provider.anthropic.AnthropicMapperTest.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caller's own Messages body: forwarded with only the model and the stream flag the gateway's. */
class AnthropicNativeRequestTest {

    /** What Claude Code sends, roughly: cache_control, a document, a server tool, thinking, a newer field. */
    static final String CALLER_BODY = """
            {"model": "claude-sonnet-4-5", "max_tokens": 32000, "stream": true,
             "system": [{"type": "text", "text": "You are Claude Code.", "cache_control": {"type": "ephemeral"}}],
             "messages": [{"role": "user", "content": [
               {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "notes"}},
               {"type": "text", "text": "Summarise", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]}],
             "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 3}],
             "thinking": {"type": "enabled", "budget_tokens": 10000},
             "metadata": {"user_id": "session-1"},
             "temperature": 1, "top_k": 5, "top_p": 0.99, "stop_sequences": ["END"], "service_tier": "auto",
             "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}}
            """;

    private final AnthropicMapper mapper = new AnthropicMapper();

    static ChatRequest routed(String upstreamModel, Map<String, String> headers) {
        // the translation the front door made; its options must not leak into the forwarded body
        return ChatRequest.builder(upstreamModel).messages(ChatMessage.user("Summarise")).maxTokens(1)
                .seed(7L).responseFormat(ResponseFormat.JSON_OBJECT).reasoning(ReasoningConfig.effort("bogus"))
                .nativeRequest(new NativeRequest(ProviderType.ANTHROPIC, CALLER_BODY, List.of("context_management"),
                        headers))
                .build();
    }

    @Test
    void theCallersBodyIsSentWithOnlyTheRoutedModelAndTheStreamFlagChanged() {
        ChatRequest request = routed("claude-sonnet-4-5-20250929", Map.of());
        String expected = CALLER_BODY.replace("\"claude-sonnet-4-5\"", "\"claude-sonnet-4-5-20250929\"");

        assertJson(expected, mapper.toRequestJson(request, true));
        assertJson(expected.replace("\"stream\": true,", ""), mapper.toRequestJson(request, false));
        // nothing of the translation is consulted, so its refusals do not apply either
        assertNull(mapper.answerToolName(request));
    }

    @Test
    void aBodyWithoutStreamGetsItForTheStreamCall() {
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5-20251001").nativeRequest(new NativeRequest(
                ProviderType.ANTHROPIC, "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[]}", null,
                null)).build();

        assertJson("{\"model\":\"claude-haiku-4-5-20251001\",\"max_tokens\":5,\"messages\":[],\"stream\":true}",
                mapper.toRequestJson(request, true));
    }

    @Test
    void theCountBodyLeavesOutOnlyWhatCountTokensDoesNotTake() {
        assertJson("""
                {"model": "claude-sonnet-4-5-20250929",
                 "system": [{"type": "text", "text": "You are Claude Code.", "cache_control": {"type": "ephemeral"}}],
                 "messages": [{"role": "user", "content": [
                   {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "notes"}},
                   {"type": "text", "text": "Summarise", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]}],
                 "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 3}],
                 "thinking": {"type": "enabled", "budget_tokens": 10000},
                 "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}}
                """, mapper.toCountTokensJson(routed("claude-sonnet-4-5-20250929", Map.of())));
    }

    @Test
    void aTranslatedCountBodyIsTheTranslationWithoutGenerationOptions() {
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.system("Be brief."),
                ChatMessage.user("Hi")).maxTokens(3000).temperature(0.5).topK(3).user("u1")
                .reasoning(ReasoningConfig.effort("low")).build();

        assertJson("""
                {"model": "claude-haiku-4-5", "system": "Be brief.",
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}],
                 "thinking": {"type": "enabled", "budget_tokens": 1024}}
                """, mapper.toCountTokensJson(request));
    }

    @Test
    void protocolHeadersGoAlongButNeverOverrideTheAdaptersOwn() {
        ChatRequest request = routed("m", Map.of("anthropic-beta", "interleaved-thinking-2025-05-14,context-1m",
                "anthropic-version", "2099-01-01", "x-api-key", "caller-key", "authorization", "Bearer g"));

        assertEquals(Map.of("anthropic-beta", "interleaved-thinking-2025-05-14,context-1m"),
                mapper.forwardedHeaders(request));
    }

    @Test
    void aNativeBodyThatIsNotAJsonObjectIsRefused() {
        for (String json : List.of("[1]", "{nope")) {
            ChatRequest request = ChatRequest.builder("m").nativeRequest(new NativeRequest(ProviderType.ANTHROPIC,
                    json, null, null)).build();
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> mapper.toRequestJson(request, false));
            assertTrue(e.getMessage().startsWith("the request body is not"), e.getMessage());
        }
    }
}
