package io.circuitbreaker.llm.provider.gemini;

import static io.circuitbreaker.llm.provider.gemini.GeminiMapperTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reasoning, top_k and untranslated parameters through the Gemini mapper, both ways. */
class GeminiReasoningMapperTest {

    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("gemini-2.5-flash").messages(ChatMessage.user("Hi"));
    }

    private static String generationConfig(ChatRequest request) {
        return Json.toJson(GeminiMapper.toRequest(request).generationConfig());
    }

    // ---------------------------------------------------------------- request

    @Test
    void topKIsAGenerationSetting() {
        assertEquals(json("{\"temperature\":0.7,\"topK\":40}"),
                json(generationConfig(hi().temperature(0.7).topK(40).build())));
    }

    @ParameterizedTest
    @CsvSource({"minimal,1024", "low,1024", "medium,2048", "high,4096", "xhigh,16384", "Medium,2048"})
    void effortBecomesABudgetWithThoughtSummaries(String effort, int budget) {
        assertEquals(json("{\"thinkingConfig\":{\"thinkingBudget\":" + budget + ",\"includeThoughts\":true}}"),
                json(generationConfig(hi().reasoning(ReasoningConfig.effort(effort)).build())));
    }

    @Test
    void anAnthropicBudgetIsSentAsItIs() {
        assertEquals(json("{\"maxOutputTokens\":16000,"
                        + "\"thinkingConfig\":{\"thinkingBudget\":10000,\"includeThoughts\":true}}"),
                json(generationConfig(hi().maxTokens(16000).reasoning(ReasoningConfig.budget(10000)).build())));
    }

    @Test
    void noReasoningIsABudgetOfZeroWithoutThoughts() {
        String expected = "{\"thinkingConfig\":{\"thinkingBudget\":0}}";
        assertEquals(json(expected), json(generationConfig(hi().reasoning(ReasoningConfig.effort("none")).build())));
        assertEquals(json(expected), json(generationConfig(hi().reasoning(ReasoningConfig.disabled()).build())));
        assertEquals(json(expected), json(generationConfig(hi().reasoning(ReasoningConfig.budget(0)).build())));
    }

    @Test
    void anUnknownEffortIsRefusedByName() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> GeminiMapper.toRequest(hi().reasoning(ReasoningConfig.effort("maximum")).build()));
        assertTrue(e.getMessage().contains("reasoning_effort 'maximum'"), e.getMessage());
        assertEquals(ProviderType.GOOGLE, e.provider());
    }

    @Test
    void noReasoningConfigSendsNoGenerationConfig() {
        assertNull(GeminiMapper.toRequest(hi().build()).generationConfig());
    }

    @Test
    void untranslatedParametersOfAnotherProtocolAreRefusedByName() {
        ChatRequest request = hi().nativeRequest(new NativeRequest(ProviderType.ANTHROPIC, "{}",
                List.of("system[0].cache_control", "container"), null)).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> GeminiMapper.toRequest(request));
        assertTrue(e.getMessage().contains("system[0].cache_control, container"), e.getMessage());
        assertEquals("unsupported_parameter", e.providerCode());
    }

    @Test
    void reasoningBlocksAreNotSentBackAndFailedToolsReportAnError() {
        ChatMessage thought = new ChatMessage(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("I should look it up.", "EqQBCkYIBxgC"),
                new ContentPart.RedactedThinking("EmwKAhgBEgy3va3pzix"),
                ContentPart.text("Checking.")), null,
                List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"),
                        new ToolCall("toolu_2", "get_time", "{}")), null);
        ChatMessage failedText = new ChatMessage(Role.TOOL, List.of(ContentPart.text("city not found")), null, null,
                "toolu_1", true);
        ChatMessage failedJson = new ChatMessage(Role.TOOL, List.of(ContentPart.text("{\"code\":503}")), null, null,
                "toolu_2", true);
        ChatRequest request = ChatRequest.builder("gemini-2.5-flash")
                .messages(ChatMessage.user("Weather?"), thought, failedText, failedJson).build();
        assertEquals(json("""
                {"contents":[
                  {"role":"user","parts":[{"text":"Weather?"}]},
                  {"role":"model","parts":[{"text":"Checking."},
                    {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},
                     "thoughtSignature":"skip_thought_signature_validator"},
                    {"functionCall":{"name":"get_time","args":{}}}]},
                  {"role":"user","parts":[
                    {"functionResponse":{"name":"get_weather","response":{"error":"city not found"}}},
                    {"functionResponse":{"name":"get_time","response":{"error":{"code":503}}}}]}]}"""),
                json(Json.toJson(GeminiMapper.toRequest(request))));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void recordedThoughtsTokensAreCountedOnceWithinOutput() {
        // the recording's usageMetadata: prompt 11, candidates 1, thoughts 34, total 46
        ChatResponse response = GeminiMapper.fromJson(Fixtures.read("gemini/generate-content.json"));
        assertEquals(new Usage(11, 35, 46, null, 34), response.usage());
        assertEquals(response.usage().inputTokens() + response.usage().outputTokens(), response.usage().totalTokens());
    }

    @Test
    void streamedThoughtSummariesAreReasoningNeverText() {
        // shaped as Google's thinking guide shows includeThoughts answers: thought parts first, then the answer
        String sse = GeminiStreamDecoderTest.event("""
                {"candidates":[{"content":{"role":"model","parts":[
                  {"text":"**Considering the sum**\\n\\nTwo and two.","thought":true}]},"index":0}],
                 "usageMetadata":{"promptTokenCount":8,"totalTokenCount":8,"thoughtsTokenCount":40},
                 "modelVersion":"gemini-2.5-flash","responseId":"t-1"}""")
                + GeminiStreamDecoderTest.event("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"4"}]},"finishReason":"STOP",
                  "index":0}],
                 "usageMetadata":{"promptTokenCount":8,"candidatesTokenCount":1,"thoughtsTokenCount":52,
                  "totalTokenCount":61},
                 "modelVersion":"gemini-2.5-flash","responseId":"t-1"}""");
        List<StreamChunk> chunks = GeminiStreamDecoderTest.decode(new GeminiStreamDecoder(), sse, true);
        assertEquals("**Considering the sum**\n\nTwo and two.",
                chunks.stream().map(StreamChunk::reasoningDelta).collect(Collectors.joining()));
        assertEquals("4", chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertEquals(new Usage(8, 53, 61, null, 52), chunks.get(chunks.size() - 1).usage());
    }
}
