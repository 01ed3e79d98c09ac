package io.circuitbreaker.llm.provider.openai;

/** Forces one function: {@code {"type":"function","function":{"name":...}}}. */
public record OpenAiNamedToolChoice(String type, OpenAiFunctionName function) {

    public static OpenAiNamedToolChoice of(String name) {
        return new OpenAiNamedToolChoice("function", new OpenAiFunctionName(name));
    }
}
