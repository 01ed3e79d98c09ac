package io.circuitbreaker.llm.provider.anthropic;

import static io.circuitbreaker.llm.provider.anthropic.AnthropicMapperTest.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reasoning, tool-result and refusal mappings of translated requests, and reasoning blocks in answers. */
class AnthropicReasoningMapperTest {

    private final AnthropicMapper mapper = new AnthropicMapper();

    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("claude-sonnet-4-5").messages(ChatMessage.user("Hi"));
    }

    /** The thinking option (a JSON value: member order does not count) and the max_tokens sent. */
    private List<Object> thinkingAndMax(ChatRequest request) {
        AnthropicMessagesRequest wire = mapper.toRequest(request, false);
        return List.of(AnthropicMapperTest.json(Json.toJson(wire.thinking())), wire.maxTokens());
    }

    private static List<Object> expected(String thinkingJson, int maxTokens) {
        return List.of(AnthropicMapperTest.json(thinkingJson), maxTokens);
    }

    @ParameterizedTest(name = "{0} / max_tokens {1} -> budget {2}, max_tokens {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // no max_tokens: the budget plus an ordinary answer
        "minimal | null | 1024  | 5120",
        "low     | null | 1024  | 5120",
        "medium  | null | 2048  | 6144",
        "high    | null | 4096  | 8192",
        "xhigh   | null | 16384 | 20480",
        // the caller's max_tokens above the budget: both as they are
        "medium  | 3000 | 2048  | 3000",
        // not above it: the budget is lowered below max_tokens, max_tokens kept
        "high    | 4096 | 4095  | 4096",
        "high    | 2000 | 1999  | 2000",
        "low     | 1025 | 1024  | 1025",
        // none: thinking switched off, max_tokens as for any request
        "none    | null | null  | 4096",
        "none    | 10   | null  | 10"})
    void effortBecomesAThinkingBudgetWithRoomBelowMaxTokens(String effort, Integer maxTokens, Integer budget,
            int sentMax) {
        ChatRequest request = hi().reasoning(ReasoningConfig.effort(effort)).maxTokens(maxTokens).build();

        String thinking = budget == null ? "{\"type\":\"disabled\"}"
                : "{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}";
        assertEquals(expected(thinking, sentMax), thinkingAndMax(request));
    }

    @Test
    void aCallersBudgetIsSentAsItIs() {
        assertEquals(expected("{\"type\":\"enabled\",\"budget_tokens\":10000}", 14096),
                thinkingAndMax(hi().reasoning(ReasoningConfig.budget(10000)).build()));
        assertEquals(expected("{\"type\":\"disabled\"}", 4096),
                thinkingAndMax(hi().reasoning(ReasoningConfig.budget(0)).build()));
    }

    @Test
    void noReasoningAskedSendsNoThinking() {
        String body = mapper.toRequestJson(hi().build(), false);

        assertFalse(body.contains("thinking"), body);
        assertTrue(body.contains("\"max_tokens\":4096"), body);
    }

    @Test
    void maxTokensTooSmallForAnyBudgetIsRefusedNamingBoth() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> mapper.toRequest(hi().reasoning(ReasoningConfig.effort("high")).maxTokens(1024).build(), false));

        assertTrue(e.getMessage().contains("max_tokens 1024"), e.getMessage());
        assertTrue(e.getMessage().contains("reasoning_effort"), e.getMessage());
        assertEquals(0, e.httpStatus());
    }

    @Test
    void anUnknownEffortIsRefusedNotGuessed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> mapper.toRequest(hi().reasoning(ReasoningConfig.effort("extreme")).build(), false));

        assertTrue(e.getMessage().contains("reasoning_effort 'extreme'"), e.getMessage());
    }

    @Test
    void aBudgetBelowAnthropicsMinimumIsRefusedByName() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> mapper.toRequest(hi().reasoning(ReasoningConfig.budget(500)).build(), false));

        assertTrue(e.getMessage().contains("thinking.budget_tokens 500"), e.getMessage());
    }

    @Test
    void seedIsRefusedByNameNotDropped() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> mapper.toRequestJson(hi().seed(42L).build(), false));

        assertTrue(e.getMessage().startsWith("seed "), e.getMessage());
    }

    @Test
    void untranslatedParametersOfAnotherProtocolAreRefusedByName() {
        NativeRequest openAi = new NativeRequest(ProviderType.OPENAI, "{\"model\":\"x\"}",
                List.of("logprobs", "n"), Map.of());

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> mapper.toRequestJson(hi().nativeRequest(openAi).build(), false));

        assertTrue(e.getMessage().contains("parameters logprobs, n of the openai request"), e.getMessage());
    }

    @Test
    void anotherProtocolsBodyWithEverythingTranslatedIsTranslatedNotForwarded() {
        NativeRequest openAi = new NativeRequest(ProviderType.OPENAI, "{\"model\":\"gpt\",\"n\":1}", List.of(),
                Map.of("openai-beta", "x"));
        ChatRequest request = hi().maxTokens(10).nativeRequest(openAi).build();

        assertJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 10,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]}
                """, mapper.toRequestJson(request, false));
        assertEquals(Map.of(), mapper.forwardedHeaders(request));
    }

    @Test
    void signedAndRedactedThinkingGoBackFirstInTheirAssistantTurnUnsignedIsLeftOut() {
        ChatMessage assistant = new ChatMessage(Role.ASSISTANT, List.of(
                ContentPart.text("Let me look."),
                new ContentPart.Thinking("The user wants the weather.", "EqQBCgIYAhIM"),
                new ContentPart.RedactedThinking("EmwKAhgBEgy3va3pzix"),
                new ContentPart.Thinking("from another model", null)), null,
                List.of(new ToolCall("toolu_1", "get_weather", "{\"location\":\"Paris\"}")), null);
        ChatRequest request = ChatRequest.builder("claude-sonnet-4-5").maxTokens(5000)
                .reasoning(ReasoningConfig.budget(2000))
                .messages(ChatMessage.user("Weather in Paris?"), assistant,
                        new ChatMessage(Role.TOOL, List.of(ContentPart.text("rain")), null, null, "toolu_1"))
                .build();

        assertJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 5000,
                 "thinking": {"type": "enabled", "budget_tokens": 2000},
                 "messages": [
                   {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
                   {"role": "assistant", "content": [
                     {"type": "thinking", "thinking": "The user wants the weather.", "signature": "EqQBCgIYAhIM"},
                     {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix"},
                     {"type": "text", "text": "Let me look."},
                     {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"location": "Paris"}}]},
                   {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "rain"}]}
                 ]}
                """, mapper.toRequestJson(request, false));
    }

    @Test
    void aFailedToolIsAnErrorResultAndImagesMakeTheResultBlocks() {
        ChatRequest request = ChatRequest.builder("claude-sonnet-4-5").maxTokens(100).messages(
                ChatMessage.user("Go"),
                ChatMessage.assistantToolCalls(List.of(new ToolCall("t1", "shot", "{}"), new ToolCall("t2", "f", "{}"))),
                new ChatMessage(Role.TOOL, List.of(ContentPart.text("Here it is:"),
                        new ContentPart.ImageBase64("image/png", "iVBORw0KGgo="),
                        new ContentPart.ImageUrl("https://example.com/b.png", null)), null, null, "t1"),
                new ChatMessage(Role.TOOL, List.of(ContentPart.text("timeout")), null, null, "t2", true)).build();

        assertJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 100, "messages": [
                  {"role": "user", "content": [{"type": "text", "text": "Go"}]},
                  {"role": "assistant", "content": [
                    {"type": "tool_use", "id": "t1", "name": "shot", "input": {}},
                    {"type": "tool_use", "id": "t2", "name": "f", "input": {}}]},
                  {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "t1", "content": [
                      {"type": "text", "text": "Here it is:"},
                      {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                                   "data": "iVBORw0KGgo="}},
                      {"type": "image", "source": {"type": "url", "url": "https://example.com/b.png"}}]},
                    {"type": "tool_result", "tool_use_id": "t2", "content": "timeout", "is_error": true}]}
                ]}
                """, mapper.toRequestJson(request, false));
    }

    @Test
    void thinkingAndRedactedBlocksOfAnAnswerAreKeptInOrderWithCacheWrites() {
        String body = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                  {"type":"thinking","thinking":"First. ","signature":"sig1"},
                  {"type":"redacted_thinking","data":"EmwKAhgB"},
                  {"type":"thinking","thinking":"Second.","signature":"sig2"},
                  {"type":"text","text":"Done."}],
                 "stop_reason":"end_turn",
                 "usage":{"input_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":0,
                          "output_tokens":42}}
                """;

        Choice choice = mapper.toResponse(200, body).choices().get(0);

        assertEquals("Done.", choice.text());
        assertEquals("First. Second.", choice.reasoning());
        assertEquals(List.of(new ContentPart.Thinking("First. ", "sig1"), new ContentPart.RedactedThinking("EmwKAhgB"),
                new ContentPart.Thinking("Second.", "sig2")), choice.thinking());
        assertEquals(new Usage(25, 42, 67, 0, null, 20), mapper.toResponse(200, body).usage());
    }

    @Test
    void aRedactedBlockWithoutDataIsMalformed() {
        String body = """
                {"id":"m","type":"message","model":"m","content":[{"type":"redacted_thinking"}],
                 "stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}
                """;

        assertThrows(io.circuitbreaker.llm.error.MalformedResponseException.class, () -> mapper.toResponse(200, body));
    }
}
