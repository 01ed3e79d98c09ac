package io.circuitbreaker.llm.api.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.anthropic.AnthropicParameters.Endpoint;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicRequestParserTest {

    private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    private static AnthropicRequest parse(String body) {
        return AnthropicRequestParser.parse(body, 100, Endpoint.MESSAGES, Map.of());
    }

    private static ChatRequest request(String fields) {
        return parse("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8192," + fields + "}").request();
    }

    private static String refusal(String body) {
        InvalidAnthropicRequest e = assertThrows(InvalidAnthropicRequest.class, () -> parse(body));
        assertEquals(400, e.status());
        assertEquals("invalid_request_error", e.type());
        return e.getMessage();
    }

    @Test
    void aPlainRequestBecomesTheNeutralRequestWithTheBodyKeptAsSent() {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true," + HELLO + "}";
        AnthropicRequest parsed = AnthropicRequestParser.parse(body, 100, Endpoint.MESSAGES,
                Map.of("anthropic-beta", "interleaved-thinking-2025-05-14"));
        ChatRequest request = parsed.request();
        assertTrue(parsed.stream());
        assertEquals("claude-sonnet-4-5", request.model());
        assertEquals(1024, request.maxTokens());
        assertEquals(List.of(ChatMessage.user("Hello")), request.messages());
        assertEquals(ProviderType.ANTHROPIC, request.nativeRequest().protocol());
        assertEquals(body, request.nativeRequest().json());
        assertEquals(List.of(), request.untranslated());
        assertEquals(Map.of("anthropic-beta", "interleaved-thinking-2025-05-14"), request.nativeRequest().headers());
    }

    @Test
    void samplingStopSequencesAndMetadataMap() {
        ChatRequest request = request(HELLO + ",\"temperature\":0.5,\"top_p\":0.9,\"top_k\":40,"
                + "\"stop_sequences\":[\"END\",\"STOP\"],\"metadata\":{\"user_id\":\"u-1\"}");
        assertEquals(0.5, request.temperature());
        assertEquals(0.9, request.topP());
        assertEquals(40, request.topK());
        assertEquals(List.of("END", "STOP"), request.stop());
        assertEquals("u-1", request.user());
    }

    @Test
    void systemAsStringOrTextBlocksBecomesOneSystemMessageFirst() {
        assertEquals(ChatMessage.system("Be brief."), request("\"system\":\"Be brief.\"," + HELLO).messages().get(0));
        ChatMessage system = request("\"system\":[{\"type\":\"text\",\"text\":\"A\",\"cache_control\":"
                + "{\"type\":\"ephemeral\"}},{\"type\":\"text\",\"text\":\"B\"}]," + HELLO).messages().get(0);
        assertEquals(Role.SYSTEM, system.role());
        assertEquals(List.of(new ContentPart.Text("A"), new ContentPart.Text("B")), system.content());
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":5,\"system\":[{\"type\":\"image\"}]," + HELLO + "}")
                .startsWith("system.0.type: "));
    }

    @Test
    void imagesFromBase64AndUrl() {
        ChatMessage user = request("\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBO\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x.test/a.jpg\"}},"
                + "{\"type\":\"text\",\"text\":\"What is this?\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]")
                .messages().get(0);
        assertEquals(List.of(new ContentPart.ImageBase64("image/png", "iVBO"),
                new ContentPart.ImageUrl("https://x.test/a.jpg", null), new ContentPart.Text("What is this?")),
                user.content());
    }

    @Test
    void aToolRoundTripKeepsThinkingFirstToolCallsAndEachResultAsAToolMessage() {
        ChatRequest request = request("\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Paris and Rome?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"thinking\",\"thinking\":\"Two calls.\",\"signature\":\"sig==\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"enc==\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"weather\",\"input\":{\"city\":\"Rome\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
                + "\"content\":\"18C\"},{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"is_error\":true,"
                + "\"content\":[{\"type\":\"text\",\"text\":\"timeout\"}]},{\"type\":\"text\",\"text\":\"Thanks\"}]}]");
        List<ChatMessage> messages = request.messages();
        assertEquals(5, messages.size());
        ChatMessage assistant = messages.get(1);
        assertEquals(List.of(new ContentPart.Thinking("Two calls.", "sig=="), new ContentPart.RedactedThinking("enc=="),
                new ContentPart.Text("Checking.")), assistant.content(), "reasoning first");
        assertEquals(List.of(new ToolCall("toolu_1", "weather", "{\"city\":\"Paris\"}"),
                new ToolCall("toolu_2", "weather", "{\"city\":\"Rome\"}")), assistant.toolCalls());
        assertEquals(new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("18C")), null, null, "toolu_1", false),
                messages.get(2));
        assertEquals(new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("timeout")), null, null, "toolu_2", true),
                messages.get(3));
        assertEquals(ChatMessage.user("Thanks"), messages.get(4));
        assertEquals(List.of(), request.untranslated());
    }

    @Test
    void customToolsMapAndServerToolsAreUntranslated() {
        ChatRequest request = request(HELLO + ",\"tools\":[{\"name\":\"weather\",\"description\":\"Weather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}},"
                + "\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"custom\",\"name\":\"clock\",\"input_schema\":{\"type\":\"object\"}},"
                + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5}]");
        assertEquals(List.of(new ToolDefinition("weather", "Weather",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}", null),
                new ToolDefinition("clock", null, "{\"type\":\"object\"}", null)), request.tools());
        assertEquals(List.of("tools.2"), request.untranslated());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"type\":\"auto\"}|AUTO||",
        "{\"type\":\"any\"}|REQUIRED||",
        "{\"type\":\"none\"}|NONE||",
        "{\"type\":\"tool\",\"name\":\"weather\"}|FUNCTION|weather|",
        "{\"type\":\"any\",\"disable_parallel_tool_use\":true}|REQUIRED||false",
        "{\"type\":\"auto\",\"disable_parallel_tool_use\":false}|AUTO||true"})
    void toolChoiceForms(String choice, ToolChoice.Mode mode, String name, Boolean parallel) {
        ChatRequest request = request(HELLO + ",\"tool_choice\":" + choice);
        assertEquals(new ToolChoice(mode, name), request.toolChoice());
        assertEquals(parallel, request.parallelToolCalls());
    }

    @Test
    void thinkingEnabledDisabledAndAdaptive() {
        assertEquals(ReasoningConfig.budget(2048),
                request(HELLO + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}").reasoning());
        assertEquals(ReasoningConfig.disabled(), request(HELLO + ",\"thinking\":{\"type\":\"disabled\"}").reasoning());
        ChatRequest adaptive = request(HELLO + ",\"thinking\":{\"type\":\"adaptive\"}");
        assertNull(adaptive.reasoning(), "the model decides: its default elsewhere");
        assertEquals(List.of(), adaptive.untranslated());
        ChatRequest summarised = request(HELLO + ",\"thinking\":{\"type\":\"adaptive\",\"display\":\"summarized\"}");
        assertEquals(List.of("thinking.display"), summarised.untranslated());
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":2048," + HELLO
                + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":4096}}").contains("max_tokens"));
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":4096," + HELLO
                + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":100}}").startsWith(
                        "thinking.enabled.budget_tokens: "));
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":4096," + HELLO + ",\"thinking\":{\"type\":\"lots\"}}")
                .startsWith("thinking.type: "));
    }

    @Test
    void aSystemTurnInsideMessagesKeepsItsPlace() {
        ChatRequest request = request("\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Now answer in French.\"}]},"
                + "{\"role\":\"user\",\"content\":\"Hello\"}]");
        assertEquals(List.of(Role.SYSTEM, Role.USER, Role.SYSTEM, Role.USER),
                request.messages().stream().map(ChatMessage::role).toList());
        assertEquals("Now answer in French.", request.messages().get(2).text());
    }

    @Test
    void outputConfigEffortAndStructuredOutputAreTranslated() {
        ChatRequest effort = request(HELLO + ",\"thinking\":{\"type\":\"adaptive\"},\"output_config\":"
                + "{\"effort\":\"low\"}");
        assertEquals(ReasoningConfig.effort("low"), effort.reasoning());
        ChatRequest budgetWins = request(HELLO + ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + "\"output_config\":{\"effort\":\"high\"}");
        assertEquals(ReasoningConfig.budget(1024), budgetWins.reasoning());
        ChatRequest structured = request(HELLO + ",\"output_config\":{\"format\":{\"type\":\"json_schema\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}},"
                + "\"task_budget\":{\"type\":\"tokens\",\"total\":1000}}");
        assertEquals(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "response",
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}", true),
                structured.responseFormat());
        assertEquals(List.of("output_config.task_budget"), structured.untranslated());
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":10," + HELLO + ",\"output_config\":{\"effort\":\"huge\"}}")
                .startsWith("output_config.effort: "));
        assertTrue(refusal("{\"model\":\"m\",\"max_tokens\":10," + HELLO
                + ",\"output_config\":{\"format\":{\"type\":\"json_schema\"}}}").startsWith(
                        "output_config.format.schema: "));
    }

    @Test
    void anthropicOnlyFieldsAndBlocksAreListedAsUntranslatedButCachingHintsAreNot() {
        ChatRequest request = request("\"service_tier\":\"auto\",\"container\":\"c-1\",\"mcp_servers\":[],"
                + "\"context_management\":{},\"cache_control\":{\"type\":\"ephemeral\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"x\"}},"
                + "{\"type\":\"search_result\",\"source\":\"s\",\"title\":\"t\",\"content\":[]},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"f-1\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarise\",\"citations\":[{\"type\":\"char_location\"}]},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":\"search_result\"}]}]}],"
                + "\"metadata\":{\"user_id\":\"u\",\"tenant\":\"x\"},"
                + "\"tool_choice\":{\"type\":\"auto\",\"future\":1}");
        assertEquals(List.of("service_tier", "container", "mcp_servers", "context_management",
                "messages.0.content.0", "messages.0.content.1", "messages.0.content.2.source",
                "messages.0.content.3.citations", "messages.0.content.4.content.0", "metadata.tenant",
                "tool_choice.future"), request.untranslated());
    }

    @Test
    void anUnknownTopLevelFieldIsRefusedByName() {
        assertEquals("max_token: Extra inputs are not permitted",
                refusal("{\"model\":\"m\",\"max_tokens\":5,\"max_token\":5," + HELLO + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"max_tokens\":5,MSG}|model: Field required",
        "{\"model\":\"m\",MSG}|max_tokens: Field required",
        "{\"model\":\"m\",\"max_tokens\":0,MSG}|max_tokens: Input should be greater than or equal to 1",
        "{\"model\":\"m\",\"max_tokens\":\"5\",MSG}|max_tokens: Input should be a valid integer",
        "{\"model\":7,\"max_tokens\":5,MSG}|model: Input should be a valid string",
        "{\"model\":\"m\",\"max_tokens\":5,\"temperature\":1.5,MSG}|temperature: Input should be between 0 and 1",
        "{\"model\":\"m\",\"max_tokens\":5,\"stream\":\"yes\",MSG}|stream: Input should be a valid boolean",
        "{\"model\":\"m\",\"max_tokens\":5,\"stop_sequences\":[1],MSG}|stop_sequences.0: Input should be a valid string",
        "{\"model\":\"m\",\"max_tokens\":5}|messages: Field required",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":{}}|messages: Input should be a valid list",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}|messages.0.role: "
                + "Input should be 'user', 'assistant' or 'system'",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image\"}]}]}|"
                + "messages.0.content.0.type: Input should be 'text'",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}|"
                + "messages.0.content.0.text: Field required",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"data\":\"x\"}}]}]}|messages.0.content.0.source.media_type: "
                + "Field required",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"t\",\"name\":\"n\",\"input\":\"{}\"}]}]}|messages.0.content.0.input: Input should be an "
                + "object",
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"t\",\"name\":\"n\",\"input\":{}}]}]}|messages.0.content.0.type: tool_use blocks belong "
                + "in assistant messages",
        "{\"model\":\"m\",\"max_tokens\":5,MSG,\"tools\":[{\"name\":\"bad name\",\"input_schema\":{}}]}|tools.0.name: "
                + "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'",
        "{\"model\":\"m\",\"max_tokens\":5,MSG,\"tools\":[{\"name\":\"n\"}]}|tools.0.input_schema: Field required",
        "{\"model\":\"m\",\"max_tokens\":5,MSG,\"tool_choice\":{\"type\":\"tool\"}}|tool_choice.name: Field required",
        "[1]|the request body must be a JSON object",
        "{\"model\":\"m\"} x|the request body has content after the JSON object"})
    void wrongInputIsRefusedNamingItsPath(String body, String message) {
        assertEquals(message, refusal(body.replace("MSG", HELLO)));
    }

    @Test
    void theMessageLimitApplies() {
        InvalidAnthropicRequest e = assertThrows(InvalidAnthropicRequest.class, () -> AnthropicRequestParser.parse(
                "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                        + "{\"role\":\"user\",\"content\":\"b\"}]}", 1, Endpoint.MESSAGES, Map.of()));
        assertTrue(e.getMessage().startsWith("messages: the gateway accepts at most 1 messages"), e.getMessage());
    }

    @Test
    void countTokensNeedsNoMaxTokensAndRefusesWhatCountTokensDoesNotTake() {
        AnthropicRequest count = AnthropicRequestParser.parse("{\"model\":\"m\"," + HELLO + ",\"system\":\"s\"}", 100,
                Endpoint.COUNT_TOKENS, Map.of());
        assertNull(count.request().maxTokens());
        assertFalse(count.stream());
        InvalidAnthropicRequest e = assertThrows(InvalidAnthropicRequest.class, () -> AnthropicRequestParser.parse(
                "{\"model\":\"m\",\"max_tokens\":5,\"stream\":true," + HELLO + "}", 100, Endpoint.COUNT_TOKENS,
                Map.of()));
        assertEquals("max_tokens, stream: Extra inputs are not permitted", e.getMessage());
    }
}
