package io.circuitbreaker.llm.provider.openai;

/** A tool offered to the model: {@code {"type":"function","function":{...}}}. */
public record OpenAiTool(String type, OpenAiFunctionDefinition function) {
}
