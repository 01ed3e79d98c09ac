package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.spi.ProviderType;

/**
 * The request options whose translation depends on which Chat Completions server is behind the adapter: {@code top_k},
 * {@code reasoning_effort}, and the refusal of parameters a front door of another protocol could not translate.
 * Kept apart from {@link OpenAiMapper} so each rule and its reason sit in one place.
 */
final class OpenAiRequestOptions {

    /** OpenAI's own code for a parameter the model does not take. */
    static final String UNSUPPORTED = "unsupported_parameter";

    private OpenAiRequestOptions() {
    }

    /**
     * Refuses a request that carries parameters of another protocol that the neutral model has no place for (e.g.
     * Anthropic's {@code cache_control} or document blocks): Chat Completions cannot express them, and dropping them
     * would answer a different question than the caller asked.
     */
    static void refuseUntranslated(ProviderType provider, ChatRequest request) {
        if (!request.untranslated().isEmpty()) {
            throw new InvalidRequestException(provider, 0, UNSUPPORTED, "the OpenAI Chat Completions protocol cannot "
                    + "express " + String.join(", ", request.untranslated()) + "; route this model to an Anthropic "
                    + "upstream or leave them out");
        }
    }

    /**
     * {@code top_k} for a compatible server (vLLM, llama.cpp, Together, DeepSeek and others take it as an extension);
     * OpenAI's own API has no such parameter and answers it with a 400, so it is refused here by name instead.
     */
    static Integer topK(ProviderType provider, ChatRequest request) {
        if (request.topK() == null) {
            return null;
        }
        return switch (provider) {
            case OPENAI -> throw new InvalidRequestException(provider, 0, UNSUPPORTED,
                    "top_k is not supported by OpenAI's Chat Completions API");
            case OPENAI_COMPATIBLE -> request.topK();
            // this adapter reports only the two Chat Completions types; forwarding is what such a server would want
            case ANTHROPIC, GOOGLE -> request.topK();
        };
    }

    /**
     * {@code reasoning_effort}: the caller's effort, or its budget turned into an effort by the one table of
     * {@link ReasoningConfig}. One exception: "no reasoning" for an OpenAI model that never reasons is already what
     * that model does, and OpenAI refuses {@code reasoning_effort} for such models, so nothing is sent (a client that
     * disables thinking in Anthropic's API must still reach gpt-4o). Any other effort is sent as asked, and OpenAI's
     * own 400 tells a caller that asked a non-reasoning model to reason.
     *
     * @param reasoningModel whether the model id is one of OpenAI's reasoning models
     */
    static String reasoningEffort(ProviderType provider, ChatRequest request, boolean reasoningModel) {
        ReasoningConfig reasoning = request.reasoning();
        if (reasoning == null) {
            return null;
        }
        if (provider == ProviderType.OPENAI && !reasoningModel && !reasoning.enabled()) {
            return null;
        }
        return reasoning.effortName();
    }
}
