package io.circuitbreaker.llm.api.graphql.chat;

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
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link ChatCompletionInput} into the provider-neutral request, checking what the engine cannot. Pure. */
public final class ChatRequests {

    static final int MAX_MESSAGES = 10_000;

    private ChatRequests() {
    }

    public static ChatRequest toRequest(ChatCompletionInput in) throws GatewayGraphQLException {
        List<String> problems = new ArrayList<>();
        if (in.getModel() == null || in.getModel().isBlank()) {
            problems.add("model is required");
        }
        List<ChatMessageInput> messages = in.getMessages() == null ? List.of() : in.getMessages();
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            problems.add("messages must have 1 to " + MAX_MESSAGES + " entries");
        }
        range(in.getTemperature(), 0, 2, "temperature", problems);
        range(in.getTopP(), 0, 1, "topP", problems);
        if (in.getMaxTokens() != null && in.getMaxTokens() < 1) {
            problems.add("maxTokens must be at least 1");
        }
        if (in.getStop() != null && in.getStop().size() > 4) {
            problems.add("stop takes at most 4 sequences");
        }
        List<ChatMessage> converted = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            converted.add(message(messages.get(i), "messages[" + i + "]", problems));
        }
        List<ToolDefinition> tools = new ArrayList<>();
        List<ToolInput> toolInputs = in.getTools() == null ? List.of() : in.getTools();
        for (int i = 0; i < toolInputs.size(); i++) {
            tools.add(tool(toolInputs.get(i), "tools[" + i + "]", problems));
        }
        ToolChoice toolChoice = toolChoice(in.getToolChoice(), toolInputs, problems);
        ResponseFormat format = responseFormat(in.getResponseFormat(), problems);
        if (!problems.isEmpty()) {
            throw GatewayGraphQLException.validation(String.join("; ", problems));
        }
        return ChatRequest.builder(in.getModel().trim()).messages(converted).temperature(in.getTemperature())
                .topP(in.getTopP()).maxTokens(in.getMaxTokens()).stop(in.getStop()).seed(in.getSeed())
                .user(in.getUser()).tools(tools.isEmpty() ? null : tools).toolChoice(toolChoice)
                .responseFormat(format).build();
    }

    private static ChatMessage message(ChatMessageInput in, String where, List<String> problems) {
        if (in == null) {
            problems.add(where + " must not be null");
            return ChatMessage.user("");
        }
        Role role;
        try {
            role = Role.valueOf(in.getRole().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(where + ".role must be system, user, assistant or tool");
            return ChatMessage.user("");
        }
        List<ToolCall> calls = new ArrayList<>();
        if (in.getToolCalls() != null) {
            for (ToolCallInput call : in.getToolCalls()) {
                if (call == null) {
                    problems.add(where + ".toolCalls must not contain null");
                    continue;
                }
                calls.add(new ToolCall(call.getId(), call.getName(), call.getArguments()));
            }
        }
        if (!calls.isEmpty() && role != Role.ASSISTANT) {
            problems.add(where + ".toolCalls are only for assistant messages");
        }
        if (role == Role.TOOL && (in.getToolCallId() == null || in.getToolCallId().isBlank())) {
            problems.add(where + ".toolCallId is required for a tool message");
        }
        String content = in.getContent();
        if ((content == null || content.isEmpty()) && calls.isEmpty()) {
            problems.add(where + ".content is required");
        }
        List<ContentPart> parts = content == null || content.isEmpty() ? List.of()
                : List.of(new ContentPart.Text(content));
        return new ChatMessage(role, parts, in.getName(), calls, in.getToolCallId());
    }

    private static ToolDefinition tool(ToolInput in, String where, List<String> problems) {
        if (in == null) {
            problems.add(where + " must not be null");
            return new ToolDefinition("", null, "{}", null);
        }
        String schema = in.getParameters() == null || in.getParameters().isBlank()
                ? "{\"type\":\"object\",\"properties\":{}}" : in.getParameters();
        try (JsonReader reader = Json.createReader(new StringReader(schema))) {
            if (reader.readValue().getValueType() != JsonValue.ValueType.OBJECT) {
                problems.add(where + ".parameters must be a JSON Schema object");
            }
        } catch (JsonException e) {
            problems.add(where + ".parameters is not valid JSON");
        }
        if (in.getName() == null || !in.getName().matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(where + ".name must be 1 to 64 letters, digits, '_' or '-'");
        }
        return new ToolDefinition(in.getName() == null ? "" : in.getName(), in.getDescription(), schema, null);
    }

    private static ToolChoice toolChoice(String text, List<ToolInput> tools, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return ToolChoice.AUTO;
            case "none":
                return ToolChoice.NONE;
            case "required":
                return ToolChoice.REQUIRED;
            default:
                if (tools.stream().noneMatch(t -> text.trim().equals(t.getName()))) {
                    problems.add("toolChoice must be auto, none, required or the name of one of the tools");
                }
                return ToolChoice.function(text.trim());
        }
    }

    private static ResponseFormat responseFormat(String text, List<String> problems) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("text")) {
            return null;
        }
        if (text.trim().equalsIgnoreCase("json_object")) {
            return ResponseFormat.JSON_OBJECT;
        }
        problems.add("responseFormat must be text or json_object");
        return null;
    }

    private static void range(Double value, double min, double max, String field, List<String> problems) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            problems.add(field + " must be between " + (int) min + " and " + (int) max);
        }
    }
}
