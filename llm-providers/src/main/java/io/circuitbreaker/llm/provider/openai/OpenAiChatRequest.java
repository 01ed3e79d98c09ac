package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /chat/completions}. Unset options are {@code null} and left out of the JSON, so the
 * provider applies its own defaults.
 *
 * @param toolChoice      {@code "auto"}, {@code "none"}, {@code "required"} or an {@link OpenAiNamedToolChoice}
 * @param topK            not part of OpenAI's own API; vLLM, llama.cpp, Together and similar servers take it
 * @param reasoningEffort {@code none}, {@code minimal}, {@code low}, {@code medium}, {@code high}, {@code xhigh} (or a
 *                        level newer than this gateway, passed on as the caller spelt it)
 */
@JsonbPropertyOrder({"model", "messages", "temperature", "topP", "maxTokens", "maxCompletionTokens", "stop", "seed",
        "user", "tools", "toolChoice", "parallelToolCalls", "responseFormat", "topK", "reasoningEffort", "presencePenalty", "frequencyPenalty", "n", "stream",
        "streamOptions"})
public record OpenAiChatRequest(
        String model,
        List<OpenAiRequestMessage> messages,
        Double temperature,
        @JsonbProperty("top_p") Double topP,
        @JsonbProperty("max_tokens") Integer maxTokens,
        @JsonbProperty("max_completion_tokens") Integer maxCompletionTokens,
        List<String> stop,
        Long seed,
        String user,
        List<OpenAiTool> tools,
        @JsonbProperty("tool_choice") Object toolChoice,
        @JsonbProperty("parallel_tool_calls") Boolean parallelToolCalls,
        @JsonbProperty("response_format") OpenAiResponseFormat responseFormat,
        @JsonbProperty("top_k") Integer topK,
        @JsonbProperty("reasoning_effort") String reasoningEffort,
        @JsonbProperty("presence_penalty") Double presencePenalty,
        @JsonbProperty("frequency_penalty") Double frequencyPenalty,
        Integer n,
        Boolean stream,
        @JsonbProperty("stream_options") OpenAiStreamOptions streamOptions) {
}
