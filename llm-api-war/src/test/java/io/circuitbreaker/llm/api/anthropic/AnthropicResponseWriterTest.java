package io.circuitbreaker.llm.api.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complete answer, compared with Anthropic's recorded answers (shared fixtures anthropic/messages*.json). */
class AnthropicResponseWriterTest {

    /** anthropic/messages.json, the body Anthropic sent, less the fields the neutral model does not carry. */
    private static final String MESSAGES_FIXTURE = "{\"id\":\"msg_014pVpaDLxzAdWjwpuN7rQQX\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-3-opus-20240229\",\"content\":[{\"type\":\"text\",\"text\":"
            + "\"Hello! How can I help you today?\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":13,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
            + "\"output_tokens\":35}}";

    /** anthropic/messages-tool-use.json, likewise. */
    private static final String TOOL_USE_FIXTURE = "{\"id\":\"msg_01PCLnFdYgzwikTmiYq6pVtP\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-haiku-4-5-20251001\",\"content\":[{\"type\":\"tool_use\","
            + "\"id\":\"toolu_01XnSg3YrHqGYq2L7V184iUK\",\"name\":\"getCurrentWeather\",\"input\":{\"location\":"
            + "\"Boston, MA\"}}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":604,"
            + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":56}}";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static ChatResponse response(String id, Choice choice, Usage usage) {
        return new ChatResponse(id, "m", ProviderType.ANTHROPIC, List.of(choice), usage);
    }

    @Test
    void aTextAnswerIsWrittenAsAnthropicWritesIt() {
        ChatResponse response = response("msg_014pVpaDLxzAdWjwpuN7rQQX", new Choice(0,
                "Hello! How can I help you today?", null, List.of(), FinishReason.of(FinishReason.Kind.STOP,
                        "end_turn")), new Usage(13, 35, 48, 0, null, 0));
        JsonObject written = AnthropicResponseWriter.message(response, "claude-3-opus-20240229");
        assertEquals(json(MESSAGES_FIXTURE), written);
        assertEquals(MESSAGES_FIXTURE, written.toString(), "Anthropic's field order");
    }

    @Test
    void aToolCallIsAToolUseBlockWithItsInputAsAnObject() {
        ChatResponse response = response("msg_01PCLnFdYgzwikTmiYq6pVtP", new Choice(0, "", null,
                List.of(new ToolCall("toolu_01XnSg3YrHqGYq2L7V184iUK", "getCurrentWeather",
                        "{\"location\":\"Boston, MA\"}")), FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_use")),
                Usage.of(604, 56));
        assertEquals(TOOL_USE_FIXTURE, AnthropicResponseWriter.message(response, "claude-haiku-4-5-20251001")
                .toString());
    }

    @Test
    void anotherProvidersAnswerGetsAnthropicIdsReasoningAsAThinkingBlockAndCacheSplitUsage() {
        ChatResponse response = new ChatResponse("chatcmpl-1", "gpt-5", ProviderType.OPENAI, List.of(new Choice(0,
                "Paris.", "The capital of France.", List.of(new ToolCall(null, "note", "not json")),
                FinishReason.of(FinishReason.Kind.STOP, "stop"))), new Usage(100, 20, 120, 30, 5, 10));
        JsonObject written = AnthropicResponseWriter.message(response, "gpt-5");
        assertTrue(written.getString("id").matches("msg_[0-9a-f]{32}"), written::toString);
        assertEquals(json("{\"type\":\"thinking\",\"thinking\":\"The capital of France.\",\"signature\":\"\"}"),
                written.getJsonArray("content").getJsonObject(0), "reasoning first, unsigned");
        assertEquals(json("{\"type\":\"text\",\"text\":\"Paris.\"}"), written.getJsonArray("content").getJsonObject(1));
        JsonObject toolUse = written.getJsonArray("content").getJsonObject(2);
        assertTrue(toolUse.getString("id").startsWith("toolu_"));
        assertEquals(json("{\"arguments\":\"not json\"}"), toolUse.getJsonObject("input"), "kept, not lost");
        assertEquals(json("{\"input_tokens\":60,\"cache_creation_input_tokens\":10,\"cache_read_input_tokens\":30,"
                + "\"output_tokens\":20}"), written.getJsonObject("usage"));
    }

    @Test
    void claudesSignedAndRedactedThinkingIsReturnedAsItCameInOrder() {
        Choice choice = new Choice(0, "4", "2 plus 2 is 4.", List.of(), FinishReason.of(FinishReason.Kind.STOP,
                "end_turn"), List.of(new ContentPart.Thinking("2 plus 2 is 4.", "EqQBsig"),
                        new ContentPart.RedactedThinking("EmwKAh")));
        JsonObject written = AnthropicResponseWriter.message(response("msg_1", choice, Usage.of(10, 5)), "claude");
        assertEquals(json("{\"type\":\"thinking\",\"thinking\":\"2 plus 2 is 4.\",\"signature\":\"EqQBsig\"}"),
                written.getJsonArray("content").getJsonObject(0));
        assertEquals(json("{\"type\":\"redacted_thinking\",\"data\":\"EmwKAh\"}"),
                written.getJsonArray("content").getJsonObject(1));
        assertEquals(json("{\"type\":\"text\",\"text\":\"4\"}"), written.getJsonArray("content").getJsonObject(2));
        assertEquals(3, written.getJsonArray("content").size(), "the reasoning text is not repeated unsigned");
    }

    @Test
    void noUsageIsZeros() {
        JsonObject written = AnthropicResponseWriter.message(response("msg_1", new Choice(0, "x", null, List.of(),
                null), null), "m");
        assertEquals(0, written.getJsonObject("usage").getInt("input_tokens"));
        assertEquals("end_turn", written.getString("stop_reason"));
    }

    @ParameterizedTest
    @CsvSource({
        "STOP,end_turn,end_turn", "STOP,stop_sequence,stop_sequence", "STOP,stop,end_turn",
        "LENGTH,length,max_tokens", "TOOL_CALLS,tool_calls,tool_use", "CONTENT_FILTER,SAFETY,refusal",
        "OTHER,pause_turn,pause_turn", "OTHER,RECITATION,end_turn", "ERROR,,end_turn",
        "OTHER,model_context_window_exceeded,model_context_window_exceeded"})
    void stopReasons(FinishReason.Kind kind, String raw, String expected) {
        assertEquals(expected, StopReasons.of(FinishReason.of(kind, raw), false));
    }
}
