package io.circuitbreaker.llm.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicMapperTest {

    private final AnthropicMapper mapper = new AnthropicMapper();

    static JsonValue json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** Compares as JSON values: member order is irrelevant, every name and value must match. */
    static void assertJson(String expected, String actual) {
        assertEquals(json(expected), json(actual), () -> "actual JSON: " + actual);
    }

    static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},"
            + "\"required\":[\"location\"]}";

    @Test
    void richRequestBecomesTheExactMessagesApiBody() {
        ChatRequest request = ChatRequest.builder("claude-sonnet-4-5")
                .messages(
                        ChatMessage.system("You are terse."),
                        ChatMessage.user("Hello"),
                        new ChatMessage(Role.USER, List.of(
                                ContentPart.text("What is in these pictures?"),
                                new ContentPart.ImageUrl("https://example.com/cat.png", "high"),
                                new ContentPart.ImageUrl("data:image/jpeg;base64,/9j/4AAQ", null),
                                new ContentPart.ImageBase64("image/png", "iVBORw0KGgo=")), null, null, null),
                        ChatMessage.system("Answer in English."),
                        new ChatMessage(Role.ASSISTANT, List.of(ContentPart.text("Let me check.")), null,
                                List.of(new ToolCall("toolu_1", "get_weather", "{\"location\":\"Paris\"}"),
                                        new ToolCall("toolu_2", "get_time", "")), null),
                        ChatMessage.toolResult("toolu_1", "18 degrees"),
                        ChatMessage.toolResult("toolu_2", "noon"),
                        ChatMessage.user("Thanks. And tomorrow?"),
                        ChatMessage.assistant(""),
                        ChatMessage.assistant("Sunny."))
                .temperature(0.2)
                .topP(0.9)
                .topK(40)
                .stop(List.of("END", "STOP"))
                .user("user-123")
                .tools(List.of(new ToolDefinition("get_weather", "Weather for a city", WEATHER_SCHEMA, true),
                        new ToolDefinition("get_time", "Current time", null, null)))
                .toolChoice(ToolChoice.function("get_weather"))
                .responseFormat(ResponseFormat.TEXT)
                .parallelToolCalls(false)
                .build();

        String body = mapper.toRequestJson(request, false);

        assertJson("""
                {
                  "model": "claude-sonnet-4-5",
                  "max_tokens": 4096,
                  "system": "You are terse.\\n\\nAnswer in English.",
                  "messages": [
                    {"role": "user", "content": [
                      {"type": "text", "text": "Hello"},
                      {"type": "text", "text": "What is in these pictures?"},
                      {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.png"}},
                      {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}},
                      {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                                   "data": "iVBORw0KGgo="}}
                    ]},
                    {"role": "assistant", "content": [
                      {"type": "text", "text": "Let me check."},
                      {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"location": "Paris"}},
                      {"type": "tool_use", "id": "toolu_2", "name": "get_time", "input": {}}
                    ]},
                    {"role": "user", "content": [
                      {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18 degrees"},
                      {"type": "tool_result", "tool_use_id": "toolu_2", "content": "noon"},
                      {"type": "text", "text": "Thanks. And tomorrow?"}
                    ]},
                    {"role": "assistant", "content": [{"type": "text", "text": "Sunny."}]}
                  ],
                  "temperature": 0.2,
                  "top_p": 0.9,
                  "top_k": 40,
                  "stop_sequences": ["END", "STOP"],
                  "metadata": {"user_id": "user-123"},
                  "tools": [
                    {"name": "get_weather", "description": "Weather for a city", "input_schema": %s},
                    {"name": "get_time", "description": "Current time",
                     "input_schema": {"type": "object", "properties": {}}}
                  ],
                  "tool_choice": {"type": "tool", "name": "get_weather", "disable_parallel_tool_use": true}
                }
                """.formatted(WEATHER_SCHEMA), body);
        // a TEXT response format is Anthropic's default: nothing to send
        assertFalse(body.contains("response_format"));
        assertFalse(body.contains("stream"));
    }

    @Test
    void minimalStreamingRequestSendsOnlyWhatIsNeeded() {
        ChatRequest request = ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.user("Hi"))
                .maxTokens(50).build();

        assertJson("""
                {"model": "claude-haiku-4-5", "max_tokens": 50, "stream": true,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]}
                """, mapper.toRequestJson(request, true));
    }

    @ParameterizedTest(name = "{0}, parallel={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "AUTO     | null  | {\"type\":\"auto\"}",
        "AUTO     | false | {\"type\":\"auto\",\"disable_parallel_tool_use\":true}",
        "REQUIRED | true  | {\"type\":\"any\"}",
        "REQUIRED | false | {\"type\":\"any\",\"disable_parallel_tool_use\":true}",
        "FUNCTION | null  | {\"type\":\"tool\",\"name\":\"get_weather\"}",
        "NONE     | false | {\"type\":\"none\"}",
        "null     | false | {\"type\":\"auto\",\"disable_parallel_tool_use\":true}",
        "null     | null  | null"})
    void toolChoiceVariants(String mode, Boolean parallel, String expected) {
        ToolChoice choice = mode == null ? null
                : mode.equals("FUNCTION") ? ToolChoice.function("get_weather")
                : new ToolChoice(ToolChoice.Mode.valueOf(mode), null);
        ChatRequest request = ChatRequest.builder("m").messages(ChatMessage.user("x"))
                .tools(List.of(new ToolDefinition("get_weather", null, WEATHER_SCHEMA, null)))
                .toolChoice(choice).parallelToolCalls(parallel).build();

        AnthropicToolChoice wire = mapper.toRequest(request, false).toolChoice();

        if (expected == null) {
            assertNull(wire);
        } else {
            assertJson(expected, io.circuitbreaker.llm.http.Json.toJson(wire));
        }
    }

    @Test
    void toolChoiceIsNotSentWithoutTools() {
        ChatRequest request = ChatRequest.builder("m").messages(ChatMessage.user("x"))
                .toolChoice(ToolChoice.REQUIRED).parallelToolCalls(false).build();

        String body = mapper.toRequestJson(request, false);

        assertFalse(body.contains("tool_choice"), body);
        assertFalse(body.contains("tools"), body);
    }

    @Test
    void requestsAnthropicCannotExpressAreRejectedBeforeSending() {
        ChatRequest badArguments = ChatRequest.builder("m").messages(ChatMessage.user("x"),
                ChatMessage.assistantToolCalls(List.of(new ToolCall("t1", "f", "[1,2]")))).build();
        ChatRequest notJson = ChatRequest.builder("m").messages(ChatMessage.user("x"),
                ChatMessage.assistantToolCalls(List.of(new ToolCall("t1", "f", "{oops")))).build();
        ChatRequest badDataUrl = ChatRequest.builder("m").messages(new ChatMessage(Role.USER,
                List.of(new ContentPart.ImageUrl("data:image/png,rawbytes", null)), null, null, null)).build();
        ChatRequest toolWithoutId = ChatRequest.builder("m").messages(ChatMessage.user("x"),
                ChatMessage.toolResult(null, "r")).build();

        for (ChatRequest request : List.of(badArguments, notJson, badDataUrl, toolWithoutId)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> mapper.toRequest(request, false));
            assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
            assertEquals(ProviderType.ANTHROPIC, e.provider());
            assertFalse(e.retryable());
        }
    }

    @Test
    void recordedTextAnswer() {
        ChatResponse response = mapper.toResponse(200, Fixtures.read("anthropic/messages.json"));

        assertEquals("msg_014pVpaDLxzAdWjwpuN7rQQX", response.id());
        assertEquals("claude-3-opus-20240229", response.model());
        assertEquals(ProviderType.ANTHROPIC, response.provider());
        assertEquals(1, response.choices().size());
        Choice choice = response.choices().get(0);
        assertEquals(0, choice.index());
        assertEquals("Hello! As an AI language model, I don't have feelings, but I'm functioning properly and ready "
                + "to assist you. How can I help you today?", choice.text());
        assertNull(choice.reasoning());
        assertTrue(choice.toolCalls().isEmpty());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "end_turn"), choice.finishReason());
        assertEquals(new Usage(13, 35, 48, 0, null, 0, 0), response.usage());
    }

    @Test
    void recordedMaxTokensAnswerKeepsLiteralThinkingTagsAsText() {
        ChatResponse response = mapper.toResponse(200, Fixtures.read("anthropic/messages-max-tokens.json"));

        Choice choice = response.choices().get(0);
        assertEquals("msg_01UHukvv2HJwxaYkFbr5FFuN", response.id());
        assertEquals("<thinking>\nThe get_weather tool is relevant for answering this question about the weather. "
                + "It requires a location parameter, but the user did not specify a location in their request. "
                + "I don't have enough context to reasonably infer a location. Without a location, I don't have the "
                + "required information to call the get_weather tool to answer the question.\n</thinking>\n\n"
                + "To get the weather forecast, I need to know the location you're interested in. Could you please "
                + "provide the city", choice.text());
        // "<thinking>" here is text the model wrote, not a thinking block
        assertNull(choice.reasoning());
        assertTrue(choice.toolCalls().isEmpty());
        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "max_tokens"), choice.finishReason());
        assertEquals(new Usage(611, 100, 711, 0, null, 0, 0), response.usage());
    }

    @Test
    void recordedToolUseAnswer() {
        ChatResponse response = mapper.toResponse(200, Fixtures.read("anthropic/messages-tool-use.json"));

        assertEquals("msg_01PCLnFdYgzwikTmiYq6pVtP", response.id());
        assertEquals("claude-haiku-4-5-20251001", response.model());
        Choice choice = response.choices().get(0);
        assertEquals("", choice.text());
        assertEquals(List.of(new ToolCall("toolu_01XnSg3YrHqGYq2L7V184iUK", "getCurrentWeather",
                "{\"location\":\"Boston, MA\"}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_use"), choice.finishReason());
        assertEquals(new Usage(604, 56, 660, 0, null, 0, 0), response.usage());
    }

    @Test
    void thinkingGoesToReasoningAndCachedTokensCountAsInput() {
        String body = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                  {"type":"thinking","thinking":"The user wants a number. ","signature":"EqQBCgIYAhIM"},
                  {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4a"},
                  {"type":"thinking","thinking":"Say 4."},
                  {"type":"text","text":"The answer "},
                  {"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"2+2"}},
                  {"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[{"type":"x"}]},
                  {"type":"text","text":"is 4.","citations":null}],
                 "stop_reason":"stop_sequence","stop_sequence":"END",
                 "usage":{"input_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":100,
                          "output_tokens":42,"server_tool_use":{"web_search_requests":1}}}
                """;

        ChatResponse response = mapper.toResponse(200, body);

        Choice choice = response.choices().get(0);
        assertEquals("The answer is 4.", choice.text());
        assertEquals("The user wants a number. Say 4.", choice.reasoning());
        assertTrue(choice.toolCalls().isEmpty(), "server tools are not the caller's tool calls");
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop_sequence"), choice.finishReason());
        assertEquals(new Usage(125, 42, 167, 100, null, 20), response.usage());
    }

    /** 1-hour cache writes are billed higher than 5-minute ones: the split reaches the usage for the cost. */
    @Test
    void cacheWritesAreSplitByLifetime() {
        String body = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":
                 [{"type":"text","text":"ok"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":100,
                          "cache_creation":{"ephemeral_5m_input_tokens":15,"ephemeral_1h_input_tokens":5},
                          "output_tokens":42,"service_tier":"standard"}}
                """;

        assertEquals(new Usage(125, 42, 167, 100, null, 20, 5), mapper.toResponse(200, body).usage());
    }

    @ParameterizedTest(name = "{0} (tool calls: {1}) -> {2}")
    @CsvSource(nullValues = "null", value = {
        "end_turn, false, STOP",
        "stop_sequence, false, STOP",
        "max_tokens, false, LENGTH",
        "model_context_window_exceeded, false, LENGTH",
        "tool_use, false, TOOL_CALLS",
        "refusal, false, CONTENT_FILTER",
        "pause_turn, false, OTHER",
        "some_future_reason, false, OTHER",
        "null, false, OTHER",
        "end_turn, true, TOOL_CALLS",
        "max_tokens, true, TOOL_CALLS"})
    void finishReasons(String raw, boolean toolCalls, FinishReason.Kind kind) {
        assertEquals(FinishReason.of(kind, raw), AnthropicMapper.finishReason(raw, toolCalls));
    }

    @Test
    void toolCallsMakeTheAnswerToolCallsWhateverTheStopReason() {
        String body = """
                {"id":"msg_2","type":"message","model":"m","content":[
                  {"type":"tool_use","id":"toolu_9","name":"lookup","input":{"q":"x","n":[1,2]}}],
                 "stop_reason":"max_tokens","usage":{"input_tokens":1,"output_tokens":2}}
                """;

        Choice choice = mapper.toResponse(200, body).choices().get(0);

        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "max_tokens"), choice.finishReason());
        assertEquals(List.of(new ToolCall("toolu_9", "lookup", "{\"q\":\"x\",\"n\":[1,2]}")), choice.toolCalls());
        assertEquals(new Usage(1, 2, 3, null, null), mapper.toResponse(200, body).usage());
    }

    @Test
    void unexpectedSuccessBodiesAreMalformed() {
        for (String body : List.of("", "<html>gateway</html>", "[1,2]", "{\"id\":\"x\",\"type\":\"message\"}",
                "{\"type\":\"message\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\"}]}")) {
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> mapper.toResponse(200, body), body);
            assertEquals(ErrorKind.MALFORMED_RESPONSE, e.kind());
            assertEquals(200, e.httpStatus());
            assertTrue(e.retryable());
        }
    }

    @Test
    void anErrorEnvelopeWithStatus200IsTypedByItsErrorType() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> mapper.toResponse(200, Fixtures.read("anthropic/error-529-overloaded.json")));

        assertEquals(ErrorKind.OVERLOADED, e.kind());
        assertEquals(529, e.httpStatus());
        assertEquals("overloaded_error", e.providerCode());
    }
}
