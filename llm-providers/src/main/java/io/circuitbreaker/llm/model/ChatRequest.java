package io.circuitbreaker.llm.model;

import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Objects;

/**
 * A chat completion request in the gateway's provider-neutral form. Optional parameters are {@code null} when
 * unset, so adapters send only what the caller asked for.
 *
 * @param model            the upstream model id (already resolved by the router)
 * @param messages         the conversation
 * @param temperature      sampling temperature
 * @param topP             nucleus sampling
 * @param maxTokens        most output tokens
 * @param stop             stop sequences
 * @param seed             sampling seed
 * @param user             end-user id for the provider's abuse monitoring
 * @param tools            tools the model may call
 * @param toolChoice       whether and which tool must be called
 * @param responseFormat   the answer's shape
 * @param parallelToolCalls whether the model may call several tools at once ({@code null}: provider default)
 * @param topK             sample only from the K likeliest tokens (Anthropic, Gemini; vLLM-style servers)
 * @param reasoning        how much to reason before answering; {@code null}: the model's default
 * @param presencePenalty  penalty for tokens already present, -2..2 (OpenAI {@code presence_penalty}, Gemini
 *                         {@code presencePenalty})
 * @param frequencyPenalty penalty by how often a token occurred, -2..2 (OpenAI {@code frequency_penalty}, Gemini
 *                         {@code frequencyPenalty})
 * @param candidates       how many alternative answers to generate (OpenAI {@code n}, Gemini {@code candidateCount});
 *                         {@code null}: one
 * @param nativeRequest    the caller's body in a provider's own format, for an adapter of that protocol to forward
 *                         faithfully; {@code null} when the front door speaks the gateway's neutral model only
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        String user,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        ResponseFormat responseFormat,
        Boolean parallelToolCalls,
        Integer topK,
        ReasoningConfig reasoning,
        Double presencePenalty,
        Double frequencyPenalty,
        Integer candidates,
        NativeRequest nativeRequest) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public ChatRequest withModel(String upstreamModel) {
        return new ChatRequest(upstreamModel, messages, temperature, topP, maxTokens, stop, seed, user, tools,
                toolChoice, responseFormat, parallelToolCalls, topK, reasoning, presencePenalty, frequencyPenalty,
                candidates, nativeRequest);
    }

    /** The same request with another conversation (e.g. a stored one continued). */
    public ChatRequest withMessages(List<ChatMessage> conversation) {
        return new ChatRequest(model, conversation, temperature, topP, maxTokens, stop, seed, user, tools,
                toolChoice, responseFormat, parallelToolCalls, topK, reasoning, presencePenalty, frequencyPenalty,
                candidates, nativeRequest);
    }

    /** The native body when it is in the given protocol (and so may be forwarded as it is), else {@code null}. */
    public NativeRequest nativeRequestFor(ProviderType protocol) {
        return nativeRequest != null && nativeRequest.protocol() == protocol ? nativeRequest : null;
    }

    /** What a translating adapter cannot send: the native body's untranslated parameters. */
    public List<String> untranslated() {
        return nativeRequest == null ? List.of() : nativeRequest.untranslated();
    }

    public boolean hasImages() {
        return messages.stream().anyMatch(ChatMessage::hasImages);
    }

    /** Fluent construction for tests and callers with few options. */
    public static final class Builder {
        private final String model;
        private List<ChatMessage> messages = List.of();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private List<String> stop = List.of();
        private Long seed;
        private String user;
        private List<ToolDefinition> tools = List.of();
        private ToolChoice toolChoice;
        private ResponseFormat responseFormat;
        private Boolean parallelToolCalls;
        private Integer topK;
        private ReasoningConfig reasoning;
        private Double presencePenalty;
        private Double frequencyPenalty;
        private Integer candidates;
        private NativeRequest nativeRequest;

        private Builder(String model) {
            this.model = model;
        }

        public Builder messages(List<ChatMessage> value) {
            messages = value;
            return this;
        }

        public Builder messages(ChatMessage... value) {
            messages = List.of(value);
            return this;
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder topP(Double value) {
            topP = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            maxTokens = value;
            return this;
        }

        public Builder stop(List<String> value) {
            stop = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder tools(List<ToolDefinition> value) {
            tools = value;
            return this;
        }

        public Builder toolChoice(ToolChoice value) {
            toolChoice = value;
            return this;
        }

        public Builder responseFormat(ResponseFormat value) {
            responseFormat = value;
            return this;
        }

        public Builder parallelToolCalls(Boolean value) {
            parallelToolCalls = value;
            return this;
        }

        public Builder topK(Integer value) {
            topK = value;
            return this;
        }

        public Builder reasoning(ReasoningConfig value) {
            reasoning = value;
            return this;
        }

        public Builder presencePenalty(Double value) {
            presencePenalty = value;
            return this;
        }

        public Builder frequencyPenalty(Double value) {
            frequencyPenalty = value;
            return this;
        }

        public Builder candidates(Integer value) {
            candidates = value;
            return this;
        }

        public Builder nativeRequest(NativeRequest value) {
            nativeRequest = value;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(model, messages, temperature, topP, maxTokens, stop, seed, user, tools,
                    toolChoice, responseFormat, parallelToolCalls, topK, reasoning, presencePenalty, frequencyPenalty,
                    candidates, nativeRequest);
        }
    }
}
