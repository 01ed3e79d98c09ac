package io.circuitbreaker.llm.api.graphql.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One message of the conversation. */
@Input("ChatMessageInput")
@Description("One message of the conversation.")
public class ChatMessageInput {

    @NonNull
    @Description("system, user, assistant or tool.")
    private String role;

    @Description("The text (for a tool message: the tool's result).")
    private String content;

    @Description("For an assistant message: the tool calls it made.")
    private List<ToolCallInput> toolCalls;

    @Description("For a tool message: the id of the call it answers.")
    private String toolCallId;

    @Description("Optional participant name.")
    private String name;

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public List<ToolCallInput> getToolCalls() {
        return toolCalls;
    }

    public void setToolCalls(List<ToolCallInput> toolCalls) {
        this.toolCalls = toolCalls;
    }

    public String getToolCallId() {
        return toolCallId;
    }

    public void setToolCallId(String toolCallId) {
        this.toolCallId = toolCallId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
