package io.circuitbreaker.llm.api.openai;

import java.util.Map;

import io.circuitbreaker.llm.spi.ProviderType;

import io.circuitbreaker.llm.model.NativeRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /v1/chat/completions} bodies, as the OpenAI SDKs send them, read into the gateway's provider-neutral
 * {@link ChatRequest}; and every body the gateway refuses, with the parameter its 400 names.
 */
class OpenAiRequestParserTest {

    private static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static final String WEATHER_SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}";

    // ---- a full request ----

    @Test
    void fullRequestMapsToTheProviderNeutralRequest() {
        String body = """
                {
                  "model": "gpt-4o",
                  "messages": [
                    {"role": "system", "content": "You are terse."},
                    {"role": "developer", "content": "Answer in English."},
                    {"role": "user", "name": "alice", "content": [
                      {"type": "text", "text": "What is in these images?"},
                      {"type": "image_url", "image_url": {"url": "data:image/png;base64,%s"}},
                      {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg", "detail": "low"}}
                    ]},
                    {"role": "assistant", "content": null, "tool_calls": [
                      {"id": "call_olc8qHf1RDItRqwuEBNjsu3B", "type": "function",
                       "function": {"name": "getCurrentWeather", "arguments": "{\\"location\\":\\"Boston\\"}"}}
                    ]},
                    {"role": "tool", "tool_call_id": "call_olc8qHf1RDItRqwuEBNjsu3B", "content": "22 C, sunny"},
                    {"role": "assistant", "content": "It is sunny in Boston."},
                    {"role": "user", "content": "Thanks!"}
                  ],
                  "tools": [
                    {"type": "function", "function": {
                      "name": "getCurrentWeather",
                      "description": "Get the current weather in a given location",
                      "parameters": %s,
                      "strict": true
                    }}
                  ],
                  "tool_choice": "auto",
                  "response_format": {"type": "json_object"},
                  "temperature": 0.2,
                  "top_p": 0.9,
                  "max_tokens": 100,
                  "stop": ["\\n\\n", "END"],
                  "seed": 42,
                  "user": "user-1234",
                  "parallel_tool_calls": false,
                  "stream": true,
                  "stream_options": {"include_usage": true}
                }
                """.formatted(PNG_BASE64, WEATHER_SCHEMA);

        OpenAiChatRequest parsed = OpenAiRequestParser.parse(body);

        ChatRequest expected = ChatRequest.builder("gpt-4o")
                .messages(
                        ChatMessage.system("You are terse."),
                        ChatMessage.system("Answer in English."),
                        new ChatMessage(Role.USER, List.of(
                                new ContentPart.Text("What is in these images?"),
                                new ContentPart.ImageBase64("image/png", PNG_BASE64),
                                new ContentPart.ImageUrl("https://example.com/cat.jpg", "low")),
                                "alice", null, null),
                        ChatMessage.assistantToolCalls(List.of(new ToolCall("call_olc8qHf1RDItRqwuEBNjsu3B",
                                "getCurrentWeather", "{\"location\":\"Boston\"}"))),
                        ChatMessage.toolResult("call_olc8qHf1RDItRqwuEBNjsu3B", "22 C, sunny"),
                        ChatMessage.assistant("It is sunny in Boston."),
                        ChatMessage.user("Thanks!"))
                .tools(List.of(new ToolDefinition("getCurrentWeather", "Get the current weather in a given location",
                        WEATHER_SCHEMA, true)))
                .toolChoice(ToolChoice.AUTO)
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(100)
                .stop(List.of("\n\n", "END"))
                .seed(42L)
                .user("user-1234")
                .parallelToolCalls(false)
                // the body itself travels along; the translation above carries every parameter it sets
                .nativeRequest(new NativeRequest(ProviderType.OPENAI, body, List.of(), Map.of()))
                .build();
        assertEquals(new OpenAiChatRequest(expected, true, true), parsed);
    }

    @Test
    void minimalRequestLeavesEveryOptionUnset() {
        String body = """
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]}
                """;
        OpenAiChatRequest parsed = OpenAiRequestParser.parse(body);

        assertEquals(new OpenAiChatRequest(ChatRequest.builder("gpt-4o-mini").messages(ChatMessage.user("Hello"))
                .nativeRequest(new NativeRequest(ProviderType.OPENAI, body, List.of(), Map.of())).build(), false,
                false), parsed);
    }

    @Test
    void parametersWithoutATranslationAreListedForTheAdaptersOfOtherProtocols() {
        OpenAiChatRequest parsed = OpenAiRequestParser.parse("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}],
                 "store": true, "metadata": {"team": "search"}, "logprobs": true, "top_logprobs": 2,
                 "service_tier": "flex", "frequency_penalty": 0, "prediction": {"type": "content", "content": "x"},
                 "web_search_options": {}, "logit_bias": {"50256": -100}, "verbosity": "low",
                 "prompt_cache_key": "k", "prompt_cache_retention": "24h", "safety_identifier": "u-1"}
                """);

        assertEquals(List.of("logit_bias", "logprobs", "top_logprobs", "metadata", "prediction", "prompt_cache_key",
                "prompt_cache_retention", "safety_identifier", "service_tier", "store", "verbosity",
                "web_search_options"), parsed.request().untranslated());
        assertEquals(0.0, parsed.request().frequencyPenalty(), "a penalty is translated, not listed");
    }

    @Test
    void parametersSetToWhatOpenAiDoesWithoutThemAreNotListed() {
        OpenAiChatRequest parsed = OpenAiRequestParser.parse("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}],
                 "store": false, "metadata": {}, "logit_bias": {}, "logprobs": false, "top_logprobs": null,
                 "service_tier": "auto", "verbosity": "medium", "modalities": ["text"], "n": 1}
                """);

        assertEquals(List.of(), parsed.request().untranslated());
        assertNull(parsed.request().candidates(), "one answer is every provider's default");
    }

    @Test
    void penaltiesAndSeveralChoicesAreTranslated() {
        ChatRequest request = OpenAiRequestParser.parse("""
                {"model": "m", "messages": [{"role": "user", "content": "Hello"}],
                 "presence_penalty": 0.5, "frequency_penalty": -1.5, "n": 3}
                """).request();

        assertEquals(0.5, request.presencePenalty());
        assertEquals(-1.5, request.frequencyPenalty());
        assertEquals(3, request.candidates());
        assertEquals(List.of(), request.untranslated());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"functions\": [{\"name\": \"f\"}]         | functions     | use tools and tool_choice",
        "\"function_call\": \"auto\"                  | function_call | use tools and tool_choice",
        "\"audio\": {\"voice\": \"alloy\", \"format\": \"wav\"} | audio | text answers only",
        "\"modalities\": [\"text\", \"audio\"]       | modalities    | text answers only"})
    void whatTheGatewayCouldNotAnswerIsRefusedForEveryProvider(String parameter, String param, String reason) {
        InvalidOpenAiRequest e = assertThrows(InvalidOpenAiRequest.class, () -> OpenAiRequestParser.parse(
                "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
                        + parameter + "}"));
        assertEquals(param, e.param());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @CsvSource({"low", "medium", "high", "minimal", "none", "xhigh", "some-future-level"})
    void reasoningEffortBecomesTheRequestsReasoning(String effort) {
        OpenAiChatRequest parsed = OpenAiRequestParser.parse(options("\"reasoning_effort\": \"" + effort + "\""));

        assertEquals(ReasoningConfig.effort(effort), parsed.request().reasoning());
    }

    @Test
    void reasoningEffortNullIsUnset() {
        assertNull(OpenAiRequestParser.parse(options("\"reasoning_effort\": null")).request().reasoning());
    }

    @Test
    void reasoningContentOfAnEarlierAssistantTurnIsNotSentBack() {
        // DeepSeek: reasoning_content must not be part of the next request's history
        assertEquals(List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"), ChatMessage.user("Bye")),
                messages("""
                        {"role": "user", "content": "Hi"},
                        {"role": "assistant", "content": "Hello!", "reasoning_content": "A greeting."},
                        {"role": "user", "content": "Bye"}"""));
    }

    @Test
    void includeUsageWithoutStreamStillParses() {
        OpenAiChatRequest parsed = OpenAiRequestParser.parse(options("\"stream\": false, "
                + "\"stream_options\": {\"include_usage\": false}"));

        assertFalse(parsed.stream());
        assertFalse(parsed.includeUsage());
    }

    // ---- single options ----

    @ParameterizedTest(name = "tool_choice {0}")
    @MethodSource("toolChoices")
    void toolChoice(String json, ToolChoice expected) {
        assertEquals(expected, OpenAiRequestParser.parse(options("\"tool_choice\": " + json)).request()
                .toolChoice());
    }

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                Arguments.of("\"auto\"", ToolChoice.AUTO),
                Arguments.of("\"none\"", ToolChoice.NONE),
                Arguments.of("\"required\"", ToolChoice.REQUIRED),
                Arguments.of("{\"type\": \"function\", \"function\": {\"name\": \"getCurrentWeather\"}}",
                        ToolChoice.function("getCurrentWeather")),
                Arguments.of("null", null));
    }

    @ParameterizedTest(name = "response_format {0}")
    @MethodSource("responseFormats")
    void responseFormat(String json, ResponseFormat expected) {
        assertEquals(expected, OpenAiRequestParser.parse(options("\"response_format\": " + json)).request()
                .responseFormat());
    }

    static Stream<Arguments> responseFormats() {
        return Stream.of(
                Arguments.of("{\"type\": \"text\"}", ResponseFormat.TEXT),
                Arguments.of("{\"type\": \"json_object\"}", ResponseFormat.JSON_OBJECT),
                Arguments.of("{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"weather\", \"strict\": true, "
                        + "\"schema\": " + WEATHER_SCHEMA + "}}",
                        new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "weather", WEATHER_SCHEMA, true)),
                Arguments.of("{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"weather\", "
                        + "\"schema\": " + WEATHER_SCHEMA + "}}",
                        new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "weather", WEATHER_SCHEMA, null)));
    }

    @ParameterizedTest(name = "stop {0}")
    @MethodSource("stops")
    void stop(String json, List<String> expected) {
        assertEquals(expected, OpenAiRequestParser.parse(options("\"stop\": " + json)).request().stop());
    }

    static Stream<Arguments> stops() {
        return Stream.of(
                Arguments.of("\"END\"", List.of("END")),
                Arguments.of("[\"a\", \"b\", \"c\", \"d\"]", List.of("a", "b", "c", "d")),
                Arguments.of("[]", List.of()),
                Arguments.of("null", List.of()));
    }

    @ParameterizedTest(name = "{0} → max tokens {1}")
    @CsvSource(delimiter = '|', value = {
            "\"max_tokens\": 100                                  | 100",
            "\"max_completion_tokens\": 200                       | 200",
            "\"max_tokens\": 100, \"max_completion_tokens\": 200  | 200",
            "\"max_completion_tokens\": 200, \"max_tokens\": 100  | 200",
            "\"max_tokens\": null, \"max_completion_tokens\": null | "})
    void maxCompletionTokensWinsOverMaxTokens(String options, Integer expected) {
        assertEquals(expected, OpenAiRequestParser.parse(options(options)).request().maxTokens());
    }

    @Test
    void boundaryValuesAreAccepted() {
        ChatRequest request = OpenAiRequestParser.parse(options(
                "\"temperature\": 0, \"top_p\": 1, \"max_tokens\": 1, \"n\": 1, \"seed\": 9007199254740993"))
                .request();

        assertEquals(0.0, request.temperature());
        assertEquals(1.0, request.topP());
        assertEquals(1, request.maxTokens());
        assertEquals(9007199254740993L, request.seed());
        assertEquals(2.0, OpenAiRequestParser.parse(options("\"temperature\": 2")).request().temperature());
    }

    @Test
    void modelIsTrimmed() {
        assertEquals("gpt-4o", OpenAiRequestParser.parse("""
                {"model": " gpt-4o ", "messages": [{"role": "user", "content": "Hello"}]}
                """).request().model());
    }

    @Test
    void toolWithoutParametersGetsAnEmptyObjectSchema() {
        ChatRequest request = OpenAiRequestParser.parse(options("""
                "tools": [{"type": "function", "function": {"name": "now"}}]"""))
                .request();

        assertEquals(List.of(new ToolDefinition("now", null, "{\"type\":\"object\",\"properties\":{}}", null)),
                request.tools());
    }

    // ---- messages ----

    @Test
    void refusalPartOfAnEarlierAssistantTurnIsKeptAsText() {
        ChatMessage assistant = messages("""
                {"role": "assistant", "content": [{"type": "refusal", "refusal": "I can't help with that."}]}
                """).get(0);

        assertEquals(ChatMessage.assistant("I can't help with that."), assistant);
    }

    @Test
    void assistantMessageMayHaveTextAndToolCalls() {
        ChatMessage assistant = messages("""
                {"role": "assistant", "content": "Let me look.", "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "get_capital", "arguments": ""}}]}
                """).get(0);

        assertEquals(new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text("Let me look.")), null,
                List.of(new ToolCall("call_1", "get_capital", "{}")), null), assistant);
    }

    @Test
    void legacyFunctionRoleAnswersTheNamedFunction() {
        ChatMessage result = messages("""
                {"role": "function", "name": "getCurrentWeather", "content": "22 C"}
                """).get(0);

        assertEquals(ChatMessage.toolResult("getCurrentWeather", "22 C"), result);
    }

    @Test
    void emptyAssistantMessageIsAllowed() {
        assertEquals(new ChatMessage(Role.ASSISTANT, List.of(), null, null, null),
                messages("{\"role\": \"assistant\", \"content\": \"\"}").get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "data:image/jpeg;base64,/9j/4AAQ   | image/jpeg | /9j/4AAQ",
            "data:image/webp;base64,UklGRg==   | image/webp | UklGRg==",
            "data:image/svg+xml;base64,PHN2Zz4= | image/svg+xml | PHN2Zz4="})
    void dataUrlsBecomeBase64Images(String url, String mediaType, String data) {
        ChatMessage user = messages("""
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "%s"}}]}
                """.formatted(url)).get(0);

        assertEquals(List.of(new ContentPart.ImageBase64(mediaType, data)), user.content());
    }

    @Test
    void imageUrlWithoutDetailHasNoDetail() {
        ChatMessage user = messages("""
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}
                """).get(0);

        assertEquals(List.of(new ContentPart.ImageUrl("https://example.com/a.png", null)), user.content());
    }

    // ---- the body as a whole ----

    @Test
    void whitespaceAfterTheObjectIsAccepted() {
        OpenAiChatRequest parsed = OpenAiRequestParser.parse(options("\"n\": 1") + " \r\n\t \n");

        assertEquals("gpt-4o", parsed.request().model());
    }

    @Test
    void aModelNameWithUnicodeButNoControlCharacterIsAccepted() {
        String body = "{\"model\": \"ollama/llama3.1:8b-instruct-\u00e9t\u00e9\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"Hi\"}]}";

        assertEquals("ollama/llama3.1:8b-instruct-\u00e9t\u00e9", OpenAiRequestParser.parse(body).request().model());
    }

    // ---- refused bodies ----

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRefusedNamingTheParameter(String why, String body, String param, String message) {
        InvalidOpenAiRequest e = assertThrows(InvalidOpenAiRequest.class, () -> OpenAiRequestParser.parse(body));

        assertEquals(param, e.param(), why);
        assertTrue(e.getMessage().contains(message), () -> why + ": " + e.getMessage());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                // the body as a whole
                invalid("not JSON", "model=gpt-4o", null, "not valid JSON"),
                invalid("truncated JSON", "{\"model\": \"gpt-4o\", \"messages\": [", null, "not valid JSON"),
                invalid("empty body", "", null, "not valid JSON"),
                invalid("JSON array body", "[{\"model\": \"gpt-4o\"}]", null, "must be a JSON object"),
                invalid("JSON string body", "\"hello\"", null, "must be a JSON object"),
                invalid("JSON null body", "null", null, "must be a JSON object"),
                invalid("reasoning_effort a number", options("\"reasoning_effort\": 3"), "reasoning_effort",
                        "reasoning_effort must be a string"),
                invalid("reasoning_effort an object", options("\"reasoning_effort\": {\"effort\": \"high\"}"),
                        "reasoning_effort", "reasoning_effort must be a string"),
                invalid("reasoning_effort blank", options("\"reasoning_effort\": \" \""), "reasoning_effort",
                        "reasoning_effort must be none, minimal, low, medium, high or xhigh"),
                // OpenAI refuses these; JsonReader.readValue stopped after the object and never saw the rest (#16)
                invalid("trailing garbage", options("\"n\": 1") + " garbage", null,
                        "content after the JSON object"),
                invalid("a second object", options("\"n\": 1") + "{\"model\": \"gpt-4\"}", null,
                        "content after the JSON object"),
                invalid("a trailing bracket", options("\"n\": 1") + "]", null, "content after the JSON object"),
                invalid("a trailing number", options("\"n\": 1") + " 1", null, "content after the JSON object"),
                // model and messages
                invalid("missing model", "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "model",
                        "you must provide a model parameter"),
                invalid("blank model", "{\"model\": \" \", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
                        "model", "you must provide a model parameter"),
                // the model goes back out in the x-llm-model header: CR/LF there ended the header (#16)
                invalid("CR/LF in the model", "{\"model\": \"gpt-4o\\r\\nX-Injected: 1\", \"messages\": "
                        + "[{\"role\": \"user\", \"content\": \"Hi\"}]}", "model", "must not contain control"),
                invalid("LF at the end of the model", "{\"model\": \"claude-x\\n\", \"messages\": "
                        + "[{\"role\": \"user\", \"content\": \"Hi\"}]}", "model", "must not contain control"),
                invalid("NUL in the model", "{\"model\": \"gpt\\u0000-4o\", \"messages\": "
                        + "[{\"role\": \"user\", \"content\": \"Hi\"}]}", "model", "must not contain control"),
                invalid("DEL in the model", "{\"model\": \"gpt-4o\\u007f\", \"messages\": "
                        + "[{\"role\": \"user\", \"content\": \"Hi\"}]}", "model", "must not contain control"),
                invalid("C1 NEL in the model", "{\"model\": \"gpt-4o\\u0085x\", \"messages\": "
                        + "[{\"role\": \"user\", \"content\": \"Hi\"}]}", "model", "must not contain control"),
                invalid("model not a string", "{\"model\": 4, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
                        "model", "model must be a string"),
                invalid("missing messages", "{\"model\": \"gpt-4o\"}", "messages", "non-empty array"),
                invalid("empty messages", "{\"model\": \"gpt-4o\", \"messages\": []}", "messages", "non-empty array"),
                invalid("messages not an array", "{\"model\": \"gpt-4o\", \"messages\": \"Hi\"}", "messages",
                        "non-empty array"),
                invalid("message not an object", body("\"Hi\""), "messages[0]", "must be an object"),
                invalid("message without role", body("{\"content\": \"Hi\"}"), "messages[0].role",
                        "each message needs a role"),
                invalid("unknown role", body("{\"role\": \"user\", \"content\": \"Hi\"}, "
                        + "{\"role\": \"narrator\", \"content\": \"Once upon a time\"}"), "messages[1].role",
                        "role must be system, developer, user, assistant or tool"),
                invalid("empty user content", body("{\"role\": \"user\", \"content\": \"\"}"), "messages[0].content",
                        "must not be empty"),
                invalid("content a number", body("{\"role\": \"user\", \"content\": 42}"), "messages[0].content",
                        "content must be a string or an array of content parts"),
                invalid("tool message without tool_call_id", body("{\"role\": \"tool\", \"content\": \"22 C\"}"),
                        "messages[0].tool_call_id", "a tool message needs tool_call_id"),
                invalid("content part input_audio", body("{\"role\": \"user\", \"content\": [{\"type\": "
                        + "\"input_audio\", \"input_audio\": {\"data\": \"UklGRg==\", \"format\": \"wav\"}}]}"),
                        "messages[0].content[0].type", "content parts of type input_audio are not supported"),
                invalid("text part without text", body("{\"role\": \"user\", \"content\": [{\"type\": \"text\"}]}"),
                        "messages[0].content[0].text", "a text part needs text"),
                invalid("image part without url", body("{\"role\": \"user\", \"content\": [{\"type\": "
                        + "\"image_url\", \"image_url\": {}}]}"), "messages[0].content[0].type",
                        "content parts of type image_url are not supported"),
                invalid("tool call without id", body("{\"role\": \"assistant\", \"tool_calls\": [{\"type\": "
                        + "\"function\", \"function\": {\"name\": \"f\", \"arguments\": \"{}\"}}]}"),
                        "messages[0].tool_calls[0]", "a tool call needs id and function.name"),
                invalid("tool_calls not an array", body("{\"role\": \"assistant\", \"tool_calls\": {}}"),
                        "messages[0].tool_calls", "tool_calls must be an array"),
                // wrong types
                invalid("temperature \"hot\"", options("\"temperature\": \"hot\""), "temperature",
                        "temperature must be a number"),
                invalid("max_tokens 1.5", options("\"max_tokens\": 1.5"), "max_tokens",
                        "max_tokens must be an integer"),
                invalid("max_tokens beyond int", options("\"max_tokens\": 99999999999"), "max_tokens",
                        "max_tokens is out of range"),
                invalid("stream \"yes\"", options("\"stream\": \"yes\""), "stream", "stream must be true or false"),
                invalid("seed \"1\"", options("\"seed\": \"1\""), "seed", "seed must be an integer"),
                invalid("user 1", options("\"user\": 1"), "user", "user must be a string"),
                invalid("parallel_tool_calls 1", options("\"parallel_tool_calls\": 1"), "parallel_tool_calls",
                        "parallel_tool_calls must be true or false"),
                // values the gateway does not support or OpenAI refuses
                invalid("n = 0", options("\"n\": 0"), "n", "n must be between 1 and 128"),
                invalid("n = 129", options("\"n\": 129"), "n", "n must be between 1 and 128"),
                invalid("5 stop strings", options("\"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"]"), "stop",
                        "at most 4 strings"),
                invalid("stop not a string", options("\"stop\": 7"), "stop", "at most 4 strings"),
                invalid("stop array with a number", options("\"stop\": [\"a\", 7]"), "stop", "at most 4 strings"),
                invalid("temperature 3", options("\"temperature\": 3"), "temperature",
                        "temperature must be between 0 and 2"),
                invalid("temperature -0.1", options("\"temperature\": -0.1"), "temperature",
                        "temperature must be between 0 and 2"),
                invalid("top_p 2", options("\"top_p\": 2"), "top_p", "top_p must be between 0 and 1"),
                invalid("max_tokens 0", options("\"max_tokens\": 0"), "max_tokens", "max_tokens must be at least 1"),
                invalid("max_completion_tokens 0", options("\"max_completion_tokens\": 0"), "max_completion_tokens",
                        "max_completion_tokens must be at least 1"),
                // tools
                invalid("tools not an array", options("\"tools\": {}"), "tools", "tools must be an array"),
                invalid("tool without function", options("\"tools\": [{\"type\": \"function\"}]"), "tools[0]",
                        "tools[0] must be {\"type\": \"function\", \"function\": {...}}"),
                invalid("tool of another type", options("\"tools\": [{\"type\": \"web_search\", "
                        + "\"function\": {\"name\": \"f\"}}]"), "tools[0]", "tools[0] must be"),
                invalid("bad function name", options("\"tools\": [{\"type\": \"function\", \"function\": "
                        + "{\"name\": \"get weather!\"}}]"), "tools[0].function.name",
                        "function names are 1 to 64 letters, digits, '_' or '-'"),
                invalid("function name of 65 characters", options("\"tools\": [{\"type\": \"function\", "
                        + "\"function\": {\"name\": \"" + "f".repeat(65) + "\"}}]"), "tools[0].function.name",
                        "function names are 1 to 64"),
                invalid("parameters not an object", options("\"tools\": [{\"type\": \"function\", \"function\": "
                        + "{\"name\": \"f\", \"parameters\": \"{}\"}}]"), "tools[0].function.parameters",
                        "parameters must be a JSON Schema object"),
                invalid("unknown tool_choice", options("\"tool_choice\": \"any\""), "tool_choice",
                        "tool_choice must be auto, none, required"),
                invalid("tool_choice without a name", options("\"tool_choice\": {\"type\": \"function\"}"),
                        "tool_choice", "tool_choice must name a function"),
                // response_format
                invalid("response_format a string", options("\"response_format\": \"json_object\""),
                        "response_format", "response_format must be an object"),
                invalid("response_format unknown type", options("\"response_format\": {\"type\": \"xml\"}"),
                        "response_format.type", "response_format.type must be text, json_object or json_schema"),
                invalid("json_schema without schema", options("\"response_format\": {\"type\": \"json_schema\", "
                        + "\"json_schema\": {\"name\": \"w\"}}"), "response_format.type",
                        "(with json_schema.schema)"));
    }

    // ---- helpers ----

    private static Arguments invalid(String why, String body, String param, String message) {
        return Arguments.of(why, body, param, message);
    }

    /** A valid request with the given messages (JSON objects, comma-separated). */
    private static String body(String messages) {
        return "{\"model\": \"gpt-4o\", \"messages\": [" + messages + "]}";
    }

    /** A valid one-message request with the given extra top-level fields. */
    private static String options(String fields) {
        return "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], " + fields + "}";
    }

    private static List<ChatMessage> messages(String messages) {
        return OpenAiRequestParser.parse(body(messages)).request().messages();
    }
}
