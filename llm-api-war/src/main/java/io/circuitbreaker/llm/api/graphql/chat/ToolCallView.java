package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.model.ToolCall;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** A tool call in an answer. */
@Type("ToolCall")
@Description("A function the model asks the caller to run.")
public class ToolCallView {

    private final ToolCall call;

    public ToolCallView(ToolCall call) {
        this.call = call;
    }

    public String getId() {
        return call.id();
    }

    public String getName() {
        return call.name();
    }

    @Description("The arguments as a complete JSON text.")
    public String getArguments() {
        return call.argumentsJson();
    }
}
