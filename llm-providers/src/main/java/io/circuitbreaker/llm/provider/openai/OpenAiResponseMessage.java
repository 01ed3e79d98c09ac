package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The assistant message of an answer, or the delta of a stream chunk.
 *
 * @param content          text, {@code null}, or (some compatible servers) an array of typed parts
 * @param functionCall     the deprecated single function call, still answered for the legacy {@code functions} API
 * @param reasoningContent reasoning text from DeepSeek, vLLM and similar servers (OpenAI itself sends none)
 * @param reasoning        the same under the name Groq, OpenRouter and Ollama use
 * @param refusal          the model's refusal text, sent instead of content
 * @param annotations      e.g. the URL citations of a web search, kept as sent
 */
public record OpenAiResponseMessage(
        String role,
        JsonValue content,
        @JsonbProperty("tool_calls") List<OpenAiToolCall> toolCalls,
        @JsonbProperty("function_call") OpenAiFunctionCall functionCall,
        @JsonbProperty("reasoning_content") String reasoningContent,
        String reasoning,
        String refusal,
        JsonValue annotations) {
}
