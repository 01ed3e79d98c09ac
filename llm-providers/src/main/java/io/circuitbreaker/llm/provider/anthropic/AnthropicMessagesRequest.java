package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * Body of {@code POST /v1/messages}. Unset options are {@code null} and therefore not sent.
 *
 * @param model         the model id
 * @param maxTokens     always set: the Messages API rejects a request without it
 * @param system        all system messages of the conversation, joined
 * @param messages      the alternating user/assistant turns
 * @param temperature   sampling temperature
 * @param topP          nucleus sampling
 * @param topK          sample only from the K likeliest tokens
 * @param stopSequences custom stop sequences
 * @param metadata      end-user id for abuse monitoring
 * @param tools         tools the model may call
 * @param toolChoice    whether and which tool must be called
 * @param stream        {@code true} for a server-sent event stream
 * @param thinking      extended thinking: enabled with a budget, or disabled
 */
public record AnthropicMessagesRequest(
        String model,
        @JsonbProperty("max_tokens") Integer maxTokens,
        String system,
        List<AnthropicMessage> messages,
        Double temperature,
        @JsonbProperty("top_p") Double topP,
        @JsonbProperty("top_k") Integer topK,
        @JsonbProperty("stop_sequences") List<String> stopSequences,
        AnthropicMetadata metadata,
        List<AnthropicTool> tools,
        @JsonbProperty("tool_choice") AnthropicToolChoice toolChoice,
        Boolean stream,
        AnthropicThinking thinking) {
}
