package io.circuitbreaker.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.provider.anthropic.AnthropicMapper;
import io.circuitbreaker.llm.provider.gemini.GeminiMapper;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an OpenAI caller set that another provider has no equivalent for is refused by the adapters of the other
 * protocols, naming the parameter and the provider; what has an equivalent is mapped (Gemini's penalties and
 * candidate count).
 */
class UntranslatedParametersTest {

    /** Every parameter the OpenAI front door can list as untranslated. */
    static final List<String> OPENAI_ONLY = List.of("logit_bias", "logprobs", "top_logprobs", "metadata",
            "moderation", "prediction", "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention",
            "safety_identifier", "service_tier", "store", "verbosity", "web_search_options");

    record Adapter(String provider, Consumer<ChatRequest> translate) {
        @Override
        public String toString() {
            return provider;
        }
    }

    static final List<Adapter> ADAPTERS = List.of(
            new Adapter("Anthropic", request -> new AnthropicMapper().toRequest(request, false)),
            new Adapter("Google", GeminiMapper::toRequest));

    static Stream<Arguments> untranslated() {
        return ADAPTERS.stream().flatMap(adapter -> OPENAI_ONLY.stream().map(name -> Arguments.of(adapter, name)));
    }

    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("m").messages(ChatMessage.user("Hi"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("untranslated")
    void eachUntranslatedOpenAiParameterIsRefusedByNameAndProvider(Adapter adapter, String parameter) {
        ChatRequest request = hi().nativeRequest(new NativeRequest(ProviderType.OPENAI, "{}", List.of(parameter),
                Map.of())).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> adapter.translate().accept(request));
        assertTrue(e.getMessage().contains(parameter), e.getMessage());
        assertTrue(e.getMessage().contains(adapter.provider()), e.getMessage());
        assertTrue(e.getMessage().contains("openai"), "names the caller's protocol: " + e.getMessage());
    }

    static Stream<Arguments> anthropicRefusals() {
        return Stream.of(
                Arguments.of(hi().presencePenalty(0.5).build(), "presence_penalty"),
                Arguments.of(hi().frequencyPenalty(-0.5).build(), "frequency_penalty"),
                Arguments.of(hi().candidates(2).build(), "n greater than 1"));
    }

    @ParameterizedTest(name = "Anthropic refuses {1}")
    @MethodSource("anthropicRefusals")
    void anthropicHasNoPenaltiesAndAnswersOnce(ChatRequest request, String named) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new AnthropicMapper().toRequest(request, false));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().contains("Anthropic"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void geminiTakesPenaltiesSeedStopAndSeveralCandidates() {
        String config = Json.toJson(GeminiMapper.toRequest(hi().presencePenalty(0.5).frequencyPenalty(-0.25)
                .candidates(3).seed(7L).stop(List.of("END")).build()).generationConfig());
        assertEquals(Json.readValue("""
                {"stopSequences":["END"],"seed":7,"presencePenalty":0.5,"frequencyPenalty":-0.25,
                 "candidateCount":3}"""), Json.readValue(config));
    }
}
