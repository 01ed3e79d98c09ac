package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** Writes a complete answer, whichever provider gave it, as OpenAI's {@code chat.completion} object. */
final class OpenAiResponseWriter {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private OpenAiResponseWriter() {
    }

    /**
     * @param id      the completion id the caller sees ({@code chatcmpl-} plus the gateway's request id)
     * @param created seconds since the epoch
     * @param model   the model that answered, as the caller should see it
     */
    static JsonObject completion(ChatResponse response, String id, long created, String model) {
        JsonArrayBuilder choices = JSON.createArrayBuilder();
        for (Choice choice : response.choices()) {
            JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
            if (choice.text() == null || choice.text().isEmpty()) {
                message.add("content", JsonValue.NULL);
            } else {
                message.add("content", choice.text());
            }
            message.add("refusal", JsonValue.NULL);
            if (choice.reasoning() != null) {
                // not in OpenAI's own schema: the field vLLM, DeepSeek and LiteLLM return reasoning in
                message.add("reasoning_content", choice.reasoning());
            }
            if (!choice.toolCalls().isEmpty()) {
                JsonArrayBuilder calls = JSON.createArrayBuilder();
                for (ToolCall call : choice.toolCalls()) {
                    calls.add(JSON.createObjectBuilder().add("id", call.id()).add("type", "function")
                            .add("function", JSON.createObjectBuilder().add("name", call.name())
                                    .add("arguments", call.argumentsJson())));
                }
                message.add("tool_calls", calls);
            }
            choices.add(JSON.createObjectBuilder().add("index", choice.index()).add("message", message)
                    .add("logprobs", JsonValue.NULL).add("finish_reason", finishReason(choice.finishReason())));
        }
        JsonObjectBuilder completion = JSON.createObjectBuilder().add("id", id).add("object", "chat.completion")
                .add("created", created).add("model", model).add("choices", choices);
        if (response.usage() != null) {
            completion.add("usage", usage(response.usage()));
        }
        return completion.add("system_fingerprint", JsonValue.NULL).build();
    }

    static JsonObject usage(Usage usage) {
        return JSON.createObjectBuilder()
                .add("prompt_tokens", usage.inputTokens())
                .add("completion_tokens", usage.outputTokens())
                .add("total_tokens", usage.totalTokens())
                .add("prompt_tokens_details", JSON.createObjectBuilder()
                        .add("cached_tokens", usage.cachedInputTokens() == null ? 0 : usage.cachedInputTokens()))
                .add("completion_tokens_details", JSON.createObjectBuilder()
                        .add("reasoning_tokens", usage.reasoningTokens() == null ? 0 : usage.reasoningTokens()))
                .build();
    }

    /** OpenAI's finish reasons; a provider's own word that has no OpenAI equivalent is reported as {@code stop}. */
    static JsonValue finishReason(FinishReason reason) {
        if (reason == null) {
            return JsonValue.NULL;
        }
        return JSON.createValue(switch (reason.kind()) {
            case STOP, ERROR, OTHER -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        });
    }
}
