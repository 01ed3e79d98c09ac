package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Writes a complete answer, whichever provider gave it, as OpenAI's {@code chat.completion} object. What OpenAI
 * itself reported beyond the neutral answer ({@code system_fingerprint}, {@code service_tier}, a choice's
 * {@code logprobs}, a message's {@code annotations}) is written as it came; {@code service_tier} only when reported.
 */
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
            ChoiceExtras extras = choice.extras();
            if (extras != null && extras.annotationsJson() != null) {
                message.add("annotations", raw(extras.annotationsJson()));
            }
            choices.add(JSON.createObjectBuilder().add("index", choice.index()).add("message", message)
                    .add("logprobs", extras == null ? JsonValue.NULL : raw(extras.logprobsJson()))
                    .add("finish_reason", finishReason(choice.finishReason())));
        }
        JsonObjectBuilder completion = JSON.createObjectBuilder().add("id", id).add("object", "chat.completion")
                .add("created", created).add("model", model).add("choices", choices);
        if (response.usage() != null) {
            completion.add("usage", usage(response.usage()));
        }
        return service(completion, response.service()).build();
    }

    /** {@code system_fingerprint} (always, {@code null} when not reported, as OpenAI writes it) and service_tier. */
    static JsonObjectBuilder service(JsonObjectBuilder object, ServiceInfo service) {
        String fingerprint = service == null ? null : service.systemFingerprint();
        object.add("system_fingerprint", fingerprint == null ? JsonValue.NULL : JSON.createValue(fingerprint));
        if (service != null && service.serviceTier() != null) {
            object.add("service_tier", service.serviceTier());
        }
        return object;
    }

    /** JSON the provider sent, written back as it came; {@code null} for none. */
    static JsonValue raw(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
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
