package io.circuitbreaker.llm.api.graphql.input;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A tool call made earlier by the assistant, sent back as conversation history. */
@Input("ToolCallInput")
@Description("A tool call made earlier by the assistant, sent back as conversation history.")
public class ToolCallInput {

    @NonNull
    @Description("The call id.")
    private String id;

    @NonNull
    @Description("The function name.")
    private String name;

    @NonNull
    @Description("The arguments as a JSON text.")
    private String arguments;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getArguments() {
        return arguments;
    }

    public void setArguments(String arguments) {
        this.arguments = arguments;
    }
}
