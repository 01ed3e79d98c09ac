package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.RateLimitedException;
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
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiMapperTest {

    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"}},"required":["city"],\
            "additionalProperties":false}""";

    private final OpenAiMapper mapper = new OpenAiMapper(ProviderType.OPENAI);

    static JsonValue json(String text) {
        return jakarta.json.Json.createReader(new StringReader(text)).readValue();
    }

    static void assertJson(String expected, String actual) {
        assertEquals(json(expected), json(actual), () -> "actual JSON: " + actual);
    }

    static ChatRequest richRequest(String model) {
        return ChatRequest.builder(model)
                .messages(
                        ChatMessage.system("You are terse."),
                        new ChatMessage(Role.USER, List.of(
                                ContentPart.text("What is in these images?"),
                                new ContentPart.ImageUrl("https://example.com/cat.png", "high"),
                                new ContentPart.ImageBase64("image/png", "iVBORw0KGgo=")), "alice", null, null),
                        ChatMessage.assistantToolCalls(List.of(new ToolCall("call_1", "get_weather",
                                "{\"city\":\"Paris\"}"))),
                        ChatMessage.toolResult("call_1", "{\"temp\":21}"),
                        ChatMessage.assistant("It is 21 degrees."),
                        ChatMessage.user("Thanks"))
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(256)
                .stop(List.of("END"))
                .seed(42L)
                .user("user-1")
                .tools(List.of(new ToolDefinition("get_weather", "Current weather", WEATHER_SCHEMA, true)))
                .toolChoice(ToolChoice.function("get_weather"))
                .parallelToolCalls(false)
                .responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "weather", WEATHER_SCHEMA, true))
                .build();
    }

    static final String RICH_REQUEST_JSON = """
            {
              "model": "gpt-4o",
              "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "name": "alice", "content": [
                  {"type": "text", "text": "What is in these images?"},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "high"}},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function",
                   "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "{\\"temp\\":21}"},
                {"role": "assistant", "content": "It is 21 degrees."},
                {"role": "user", "content": "Thanks"}
              ],
              "temperature": 0.2,
              "top_p": 0.9,
              "max_tokens": 256,
              "stop": ["END"],
              "seed": 42,
              "user": "user-1",
              "tools": [{"type": "function", "function": {
                "name": "get_weather", "description": "Current weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                               "additionalProperties": false},
                "strict": true}}],
              "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
              "parallel_tool_calls": false,
              "response_format": {"type": "json_schema", "json_schema": {
                "name": "weather",
                "schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                           "additionalProperties": false},
                "strict": true}}
            }""";

    // ---------------------------------------------------------------- request

    @Test
    void richRequestBecomesExactlyThisJson() {
        assertJson(RICH_REQUEST_JSON, mapper.toJson(richRequest("gpt-4o"), false));
    }

    @Test
    void requestJsonStartsWithModelAndMessages() {
        assertTrue(mapper.toJson(richRequest("gpt-4o"), false).startsWith("{\"model\":\"gpt-4o\",\"messages\":["));
    }

    @Test
    void minimalRequestSendsOnlyWhatIsSet() {
        ChatRequest request = ChatRequest.builder("gpt-4o-mini").messages(ChatMessage.user("Hi")).build();
        assertJson("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                mapper.toJson(request, false));
    }

    @Test
    void streamingRequestAsksForUsage() {
        ChatRequest request = ChatRequest.builder("gpt-4o-mini").messages(ChatMessage.user("Hi")).build();
        assertJson("""
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],
                 "stream":true,"stream_options":{"include_usage":true}}""", mapper.toJson(request, true));
    }

    @ParameterizedTest
    @CsvSource({"o1,true", "o1-mini,true", "o3-mini,true", "o4-mini,true", "gpt-5,true", "gpt-5-mini,true",
            "GPT-5-nano,true", "gpt-4o,false", "gpt-4.1-mini,false", "gpt-3.5-turbo,false", "llama3.1:8b,false"})
    void reasoningModelsGetMaxCompletionTokens(String model, boolean completionTokens) {
        ChatRequest request = ChatRequest.builder(model).messages(ChatMessage.user("Hi")).maxTokens(50).build();
        String field = completionTokens ? "max_completion_tokens" : "max_tokens";
        assertJson("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"" + field
                + "\":50}", mapper.toJson(request, false));
    }

    @ParameterizedTest
    @CsvSource({"AUTO,auto", "NONE,none", "REQUIRED,required"})
    void simpleToolChoicesAreStrings(ToolChoice.Mode mode, String wire) {
        ChatRequest request = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi"))
                .toolChoice(new ToolChoice(mode, null)).build();
        assertEquals(json("\"" + wire + "\""), json(mapper.toJson(request, false)).asJsonObject().get("tool_choice"));
    }

    @Test
    void textAndJsonObjectResponseFormats() {
        ChatRequest.Builder builder = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi"));
        assertEquals(json("{\"type\":\"json_object\"}"), json(mapper.toJson(
                builder.responseFormat(ResponseFormat.JSON_OBJECT).build(), false)).asJsonObject()
                .get("response_format"));
        assertEquals(json("{\"type\":\"text\"}"), json(mapper.toJson(
                builder.responseFormat(ResponseFormat.TEXT).build(), false)).asJsonObject().get("response_format"));
    }

    @Test
    void toolWithoutParametersAndSchemaWithoutNameStillValid() {
        ChatRequest request = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi"))
                .tools(List.of(new ToolDefinition("now", null, null, null)))
                .responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, null, "{\"type\":\"object\"}",
                        null))
                .build();
        assertJson("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],
                 "tools":[{"type":"function","function":{"name":"now"}}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"response",
                                    "schema":{"type":"object"}}}}""", mapper.toJson(request, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"type\":"})
    void toolSchemaThatIsNoJsonObjectIsAnInvalidRequest(String schema) {
        ChatRequest request = ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi"))
                .tools(List.of(new ToolDefinition("broken", null, schema, null))).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> mapper.toJson(request, false));
        assertEquals("invalid_json_schema", e.providerCode());
    }

    // ---------------------------------------------------------------- recorded answers

    @Test
    void textAnswer() {
        ChatResponse response = mapper.fromJson(Fixtures.read("openai/chat-completion.json"));

        assertEquals("chatcmpl-C6bhxDl79vlojU2DYKbzyDh0FmLZY", response.id());
        assertEquals("gpt-3.5-turbo-0125", response.model());
        assertEquals(ProviderType.OPENAI, response.provider());
        assertEquals(1, response.choices().size());
        Choice choice = response.choices().get(0);
        assertEquals(0, choice.index());
        assertEquals("Hello! I'm just a computer program, so I don't have feelings, but I'm here to help you. "
                + "How can I assist you today?", choice.text());
        assertNull(choice.reasoning());
        assertEquals(List.of(), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), choice.finishReason());
        assertEquals(new Usage(13, 31, 44, 0, 0), response.usage());
    }

    @Test
    void toolCallAnswer() {
        ChatResponse response = mapper.fromJson(Fixtures.read("openai/chat-completion-tool-calls.json"));

        assertEquals("chatcmpl-C6coS1jncfSG1hcFv7v36PkpgHlBq", response.id());
        Choice choice = response.choices().get(0);
        assertEquals("", choice.text());
        assertEquals(List.of(new ToolCall("call_olc8qHf1RDItRqwuEBNjsu3B", "getCurrentWeather",
                "{\"location\":\"Boston\"}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls"), choice.finishReason());
        assertEquals(new Usage(81, 14, 95, 0, 0), response.usage());
    }

    @Test
    void legacyFunctionCallBecomesOneToolCall() {
        ChatResponse response = mapper.fromJson(Fixtures.read("openai/chat-completion-legacy-function-call.json"));

        assertEquals("chatcmpl-C6bkF43YPpt2nQKdjU5XrPT0JYIzS", response.id());
        Choice choice = response.choices().get(0);
        assertEquals("", choice.text());
        assertEquals(List.of(new ToolCall(null, "get_weather", "{\"location\":\"Boston\"}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "function_call"), choice.finishReason());
        assertEquals(new Usage(62, 14, 76, 0, 0), response.usage());
    }

    @Test
    void everyChoiceIsMappedByIndex() {
        ChatResponse response = mapper.fromJson(Fixtures.read("openai/chat-completion-multiple-choices.json"));

        assertEquals("chatcmpl-ASYMUBq69UHDarAz2fsd0O50rv0r1", response.id());
        assertEquals("gpt-4o-mini-2024-07-18", response.model());
        assertEquals(2, response.choices().size());
        for (int i = 0; i < 2; i++) {
            Choice choice = response.choices().get(i);
            assertEquals(i, choice.index());
            assertEquals("This is a test. How can I assist you further?", choice.text());
            assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), choice.finishReason());
            assertEquals(List.of(), choice.toolCalls());
        }
        assertEquals(new Usage(12, 24, 36, 0, 0), response.usage());
    }

    @Test
    void choicesArriveOutOfOrderAndAreSortedByIndex() {
        ChatResponse response = mapper.fromJson("""
                {"id":"x","model":"m","choices":[
                  {"index":1,"message":{"role":"assistant","content":"second"},"finish_reason":"length"},
                  {"index":0,"message":{"role":"assistant","content":"first"},"finish_reason":"stop"}]}""");
        assertEquals(List.of("first", "second"), response.choices().stream().map(Choice::text).toList());
        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "length"), response.choices().get(1).finishReason());
        assertNull(response.usage());
    }

    // ---------------------------------------------------------------- compatible-server shapes

    @Test
    void reasoningContentIsKeptApartFromTheAnswer() {
        ChatResponse response = new OpenAiMapper(ProviderType.OPENAI_COMPATIBLE).fromJson("""
                {"id":"d1","model":"deepseek-reasoner","choices":[{"index":0,"message":{"role":"assistant",
                  "content":"9.11 is smaller.","reasoning_content":"Compare 9.11 and 9.9 digit by digit."},
                  "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":120,"total_tokens":140,
                  "prompt_cache_hit_tokens":16,"prompt_cache_miss_tokens":4,
                  "completion_tokens_details":{"reasoning_tokens":100}}}""");
        Choice choice = response.choices().get(0);
        assertEquals("9.11 is smaller.", choice.text());
        assertEquals("Compare 9.11 and 9.9 digit by digit.", choice.reasoning());
        assertEquals(ProviderType.OPENAI_COMPATIBLE, response.provider());
        assertEquals(new Usage(20, 120, 140, 16, 100), response.usage());
    }

    @Test
    void reasoningFieldOfGroqAndOpenRouter() {
        Choice choice = mapper.fromJson("""
                {"id":"g","model":"qwen","choices":[{"index":0,"message":{"role":"assistant","content":"4",
                  "reasoning":"2+2=4"},"finish_reason":"stop"}]}""").choices().get(0);
        assertEquals("4", choice.text());
        assertEquals("2+2=4", choice.reasoning());
    }

    @Test
    void contentPartsWithThinkingAreSplitIntoTextAndReasoning() {
        Choice choice = mapper.fromJson("""
                {"id":"m","model":"magistral","choices":[{"index":0,"message":{"role":"assistant","content":[
                  {"type":"thinking","thinking":[{"type":"text","text":"Let me think."}]},
                  {"type":"text","text":"Paris."}]},"finish_reason":"stop"}]}""").choices().get(0);
        assertEquals("Paris.", choice.text());
        assertEquals("Let me think.", choice.reasoning());
    }

    @Test
    void toolCallsEndedWithStopAreStillToolCalls() {
        Choice choice = mapper.fromJson("""
                {"id":"o","model":"llama3.1","choices":[{"index":0,"message":{"role":"assistant","content":"",
                  "tool_calls":[{"id":"call_a","type":"function","function":{"name":"f","arguments":{"x":1}}}]},
                  "finish_reason":"stop"}]}""").choices().get(0);
        assertEquals(List.of(new ToolCall("call_a", "f", "{\"x\":1}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "stop"), choice.finishReason());
    }

    @ParameterizedTest
    @CsvSource({"stop,STOP", "length,LENGTH", "tool_calls,TOOL_CALLS", "function_call,TOOL_CALLS",
            "content_filter,CONTENT_FILTER", "error,ERROR", "eos,OTHER", "abort,OTHER"})
    void finishReasons(String raw, FinishReason.Kind kind) {
        Choice choice = mapper.fromJson("{\"id\":\"f\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"x\"},\"finish_reason\":\"" + raw + "\"}]}").choices().get(0);
        assertEquals(FinishReason.of(kind, raw), choice.finishReason());
    }

    @Test
    void refusalIsTheAnswerWhenThereIsNoContent() {
        Choice choice = mapper.fromJson("""
                {"id":"r","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,
                  "refusal":"I can't help with that."},"finish_reason":"stop"}]}""").choices().get(0);
        assertEquals("I can't help with that.", choice.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "<html>502</html>", "[]", "null", "{}", "{\"choices\":[]}",
            "{\"choices\":[{\"index\":0}]}", "{\"choices\":\"x\"}",
            "{\"choices\":[{\"index\":0,\"message\":{\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\"}]}}]}"})
    void unexpectedSuccessBodiesAreMalformed(String body) {
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> mapper.fromJson(body));
        assertTrue(e.retryable());
        assertEquals(200, e.httpStatus());
    }

    @Test
    void errorObjectInASuccessfulAnswerIsTheTypedError() {
        LlmProviderException e = assertThrows(LlmProviderException.class, () -> mapper.fromJson("""
                {"error":{"message":"Rate limit exceeded: free-models-per-day","code":429}}"""));
        assertInstanceOf(RateLimitedException.class, e);
        assertEquals(429, e.httpStatus());
        assertTrue(e.getMessage().contains("free-models-per-day"));

        LlmProviderException context = assertThrows(LlmProviderException.class, () -> mapper.fromJson("""
                {"error":{"message":"too long","type":"invalid_request_error","code":"context_length_exceeded"}}"""));
        assertInstanceOf(ContextLengthExceededException.class, context);
        assertFalse(context.retryable());
    }
}
