package io.circuitbreaker.llm.api.graphql.input;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A function the model may call. */
@Input("ToolInput")
@Description("A function the model may call.")
public class ToolInput {

    @NonNull
    @Description("Function name.")
    private String name;

    @Description("What the function does, for the model.")
    private String description;

    @Description("JSON Schema of the arguments, as a JSON text (default: an object with no properties).")
    private String parameters;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }
}
