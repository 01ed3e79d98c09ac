package io.circuitbreaker.llm.api.graphql.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A chat completion request, routed like any other. */
@Input("ChatCompletionInput")
@Description("A chat completion request, routed like any other.")
public class ChatCompletionInput {

    @NonNull
    @Description("A model id, provider/model, or route name.")
    private String model;

    @NonNull
    @Description("The conversation, oldest first.")
    private List<ChatMessageInput> messages;

    @Description("Sampling temperature, 0 to 2.")
    private Double temperature;

    @Description("Nucleus sampling, 0 to 1.")
    private Double topP;

    @Description("Most output tokens.")
    private Integer maxTokens;

    @Description("Stop sequences (at most 4).")
    private List<String> stop;

    @Description("Sampling seed, where the provider supports it.")
    private Long seed;

    @Description("End-user id for the provider's abuse monitoring.")
    private String user;

    @Description("Functions the model may call.")
    private List<ToolInput> tools;

    @Description("auto, none, required, or the name of one tool that must be called.")
    private String toolChoice;

    @Description("text (default) or json_object.")
    private String responseFormat;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public List<ChatMessageInput> getMessages() {
        return messages;
    }

    public void setMessages(List<ChatMessageInput> messages) {
        this.messages = messages;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public List<String> getStop() {
        return stop;
    }

    public void setStop(List<String> stop) {
        this.stop = stop;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public List<ToolInput> getTools() {
        return tools;
    }

    public void setTools(List<ToolInput> tools) {
        this.tools = tools;
    }

    public String getToolChoice() {
        return toolChoice;
    }

    public void setToolChoice(String toolChoice) {
        this.toolChoice = toolChoice;
    }

    public String getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }
}
