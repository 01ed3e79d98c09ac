package io.circuitbreaker.llm.api.graphql.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.api.graphql.input.ChatCompletionInput;
import io.circuitbreaker.llm.api.graphql.input.ChatMessageInput;
import io.circuitbreaker.llm.api.graphql.input.ToolCallInput;
import io.circuitbreaker.llm.api.graphql.input.ToolInput;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatRequestsTest {

    private static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}";

    // ---- valid input ----

    @Test
    void toolConversationBecomesTheProviderNeutralRequest() throws Exception {
        ChatCompletionInput in = input(" gpt-4o ",
                message("system", "You answer briefly."),
                message("user", "Weather in Paris?"),
                toolCalls(call("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                toolResult("call_1", "{\"celsius\":21}"));
        in.setTemperature(0.7);
        in.setTopP(1.0);
        in.setMaxTokens(100);
        in.setStop(List.of("END"));
        in.setSeed(42L);
        in.setUser("user-7");
        in.setTools(List.of(tool("get_weather", "Current weather", WEATHER_SCHEMA)));
        in.setToolChoice("auto");
        in.setResponseFormat("json_object");

        ChatRequest expected = ChatRequest.builder("gpt-4o")
                .messages(
                        ChatMessage.system("You answer briefly."),
                        ChatMessage.user("Weather in Paris?"),
                        ChatMessage.assistantToolCalls(
                                List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                        ChatMessage.toolResult("call_1", "{\"celsius\":21}"))
                .temperature(0.7).topP(1.0).maxTokens(100).stop(List.of("END")).seed(42L).user("user-7")
                .tools(List.of(new ToolDefinition("get_weather", "Current weather", WEATHER_SCHEMA, null)))
                .toolChoice(ToolChoice.AUTO)
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .build();
        assertEquals(expected, ChatRequests.toRequest(in));
    }

    @Test
    void minimalInputLeavesEveryOptionUnset() throws Exception {
        ChatRequest request = ChatRequests.toRequest(input("gpt-4o", message("user", "Hi")));

        assertEquals(ChatRequest.builder("gpt-4o").messages(ChatMessage.user("Hi")).build(), request);
        assertNull(request.toolChoice());
        assertNull(request.responseFormat());
        assertEquals(List.of(), request.tools());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"system, SYSTEM", "User, USER", "ASSISTANT, ASSISTANT", "' user ', USER"})
    void roleIsReadInAnyCase(String written, Role role) throws Exception {
        ChatRequest request = ChatRequests.toRequest(input("gpt-4o", message(written, "text")));

        assertEquals(role, request.messages().get(0).role());
    }

    @Test
    void assistantMessageMayCarryTextAndToolCalls() throws Exception {
        ChatMessageInput assistant = toolCalls(call("call_1", "get_weather", null));
        assistant.setContent("Let me check.");

        ChatMessage message = ChatRequests.toRequest(input("gpt-4o", message("user", "Hi"), assistant))
                .messages().get(1);

        assertEquals(List.of(new ContentPart.Text("Let me check.")), message.content());
        assertEquals("{}", message.toolCalls().get(0).argumentsJson(), "absent arguments are an empty object");
    }

    @Test
    void participantNameIsKept() throws Exception {
        ChatMessageInput user = message("user", "Hi");
        user.setName("alice");

        assertEquals("alice", ChatRequests.toRequest(input("gpt-4o", user)).messages().get(0).name());
    }

    @ParameterizedTest(name = "toolChoice \"{0}\"")
    @MethodSource("toolChoices")
    void toolChoiceIsAModeOrTheNameOfATool(String written, ToolChoice expected) throws Exception {
        ChatCompletionInput in = input("gpt-4o", message("user", "Weather in Paris?"));
        in.setTools(List.of(tool("get_weather", null, WEATHER_SCHEMA)));
        in.setToolChoice(written);

        assertEquals(expected, ChatRequests.toRequest(in).toolChoice());
    }

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                Arguments.of("auto", ToolChoice.AUTO),
                Arguments.of("NONE", ToolChoice.NONE),
                Arguments.of("Required", ToolChoice.REQUIRED),
                Arguments.of("get_weather", ToolChoice.function("get_weather")),
                Arguments.of(" get_weather ", ToolChoice.function("get_weather")),
                Arguments.of(null, null),
                Arguments.of("", null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void toolWithoutParametersTakesAnObjectWithoutProperties(String parameters) throws Exception {
        ChatCompletionInput in = input("gpt-4o", message("user", "What time is it?"));
        in.setTools(List.of(tool("now", null, parameters)));

        assertEquals("{\"type\":\"object\",\"properties\":{}}",
                ChatRequests.toRequest(in).tools().get(0).parametersJsonSchema());
    }

    @ParameterizedTest(name = "responseFormat \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"text", "TEXT"})
    void textResponseFormatIsTheDefault(String format) throws Exception {
        ChatCompletionInput in = input("gpt-4o", message("user", "Hi"));
        in.setResponseFormat(format);

        assertNull(ChatRequests.toRequest(in).responseFormat());
    }

    @Test
    void jsonObjectResponseFormatInAnyCase() throws Exception {
        ChatCompletionInput in = input("gpt-4o", message("user", "Hi as JSON"));
        in.setResponseFormat("JSON_OBJECT");

        assertEquals(ResponseFormat.JSON_OBJECT, ChatRequests.toRequest(in).responseFormat());
    }

    // ---- invalid input ----

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("unknown role", in -> in.getMessages().get(0).setRole("robot"),
                        "messages[0].role must be system, user, assistant or tool"),
                invalid("absent role", in -> in.getMessages().get(0).setRole(null), "messages[0].role"),
                invalid("no messages", in -> in.setMessages(List.of()), "messages must have 1 to 10000 entries"),
                invalid("blank model", in -> in.setModel(" "), "model is required"),
                invalid("temperature 3", in -> in.setTemperature(3.0), "temperature must be between 0 and 2"),
                invalid("temperature -0.1", in -> in.setTemperature(-0.1), "temperature must be between 0 and 2"),
                invalid("temperature NaN", in -> in.setTemperature(Double.NaN), "temperature must be between"),
                invalid("topP -1", in -> in.setTopP(-1.0), "topP must be between 0 and 1"),
                invalid("topP 1.5", in -> in.setTopP(1.5), "topP must be between 0 and 1"),
                invalid("maxTokens 0", in -> in.setMaxTokens(0), "maxTokens must be at least 1"),
                invalid("5 stop sequences", in -> in.setStop(List.of("a", "b", "c", "d", "e")),
                        "stop takes at most 4 sequences"),
                invalid("tool parameters not JSON", in -> in.setTools(List.of(tool("f", null, "{city: string"))),
                        "tools[0].parameters is not valid JSON"),
                invalid("tool parameters not an object", in -> in.setTools(List.of(tool("f", null, "[]"))),
                        "tools[0].parameters must be a JSON Schema object"),
                invalid("tool name with a space", in -> in.setTools(List.of(tool("get weather", null, null))),
                        "tools[0].name must be 1 to 64"),
                invalid("toolChoice naming an unknown tool", in -> {
                    in.setTools(List.of(tool("get_weather", null, null)));
                    in.setToolChoice("get_time");
                }, "toolChoice must be auto, none, required or the name of one of the tools"),
                invalid("toolChoice naming a tool without tools", in -> in.setToolChoice("get_weather"),
                        "toolChoice must be"),
                invalid("tool message without toolCallId",
                        in -> in.setMessages(List.of(message("user", "Hi"), message("tool", "21 degrees"))),
                        "messages[1].toolCallId is required for a tool message"),
                invalid("tool calls on a user message", in -> in.getMessages().get(0)
                        .setToolCalls(List.of(call("call_1", "f", "{}"))),
                        "messages[0].toolCalls are only for assistant messages"),
                invalid("message without content", in -> in.getMessages().get(0).setContent(null),
                        "messages[0].content is required"),
                invalid("null message", in -> in.setMessages(Arrays.asList(message("user", "Hi"), null)),
                        "messages[1] must not be null"),
                invalid("null tool call", in -> {
                    ChatMessageInput assistant = message("assistant", "Checking.");
                    assistant.setToolCalls(Arrays.asList((ToolCallInput) null));
                    in.setMessages(List.of(message("user", "Hi"), assistant));
                }, "messages[1].toolCalls must not contain null"),
                invalid("null tool", in -> in.setTools(Arrays.asList((ToolInput) null)), "tools[0] must not be null"),
                invalid("responseFormat yaml", in -> in.setResponseFormat("yaml"),
                        "responseFormat must be text or json_object"));
    }

    private static Arguments invalid(String label, Consumer<ChatCompletionInput> change, String problem) {
        return Arguments.of(label, change, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidInputIsAValidationErrorNamingTheField(String label, Consumer<ChatCompletionInput> change,
            String problem) {
        ChatCompletionInput in = input("gpt-4o", message("user", "Hi"));
        change.accept(in);

        GatewayGraphQLException e = assertThrows(GatewayGraphQLException.class, () -> ChatRequests.toRequest(in));

        assertEquals("VALIDATION", e.code());
        assertTrue(e.getMessage().startsWith("[VALIDATION] " + problem), e::getMessage);
    }

    @Test
    void severalProblemsAreReportedTogether() {
        ChatCompletionInput in = input("gpt-4o", message("robot", "Hi"));
        in.setTemperature(3.0);
        in.setMaxTokens(0);

        GatewayGraphQLException e = assertThrows(GatewayGraphQLException.class, () -> ChatRequests.toRequest(in));

        assertEquals("[VALIDATION] temperature must be between 0 and 2; maxTokens must be at least 1; "
                + "messages[0].role must be system, user, assistant or tool", e.getMessage());
    }

    // ---- helpers ----

    private static ChatCompletionInput input(String model, ChatMessageInput... messages) {
        ChatCompletionInput in = new ChatCompletionInput();
        in.setModel(model);
        in.setMessages(new ArrayList<>(List.of(messages)));
        return in;
    }

    private static ChatMessageInput message(String role, String content) {
        ChatMessageInput message = new ChatMessageInput();
        message.setRole(role);
        message.setContent(content);
        return message;
    }

    private static ChatMessageInput toolCalls(ToolCallInput... calls) {
        ChatMessageInput message = message("assistant", null);
        message.setToolCalls(List.of(calls));
        return message;
    }

    private static ChatMessageInput toolResult(String toolCallId, String content) {
        ChatMessageInput message = message("tool", content);
        message.setToolCallId(toolCallId);
        return message;
    }

    private static ToolCallInput call(String id, String name, String arguments) {
        ToolCallInput call = new ToolCallInput();
        call.setId(id);
        call.setName(name);
        call.setArguments(arguments);
        return call;
    }

    private static ToolInput tool(String name, String description, String parameters) {
        ToolInput tool = new ToolInput();
        tool.setName(name);
        tool.setDescription(description);
        tool.setParameters(parameters);
        return tool;
    }
}
