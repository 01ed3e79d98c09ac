package io.circuitbreaker.llm.provider.openai;

import static io.circuitbreaker.llm.provider.openai.OpenAiMapperTest.assertJson;
import static io.circuitbreaker.llm.provider.openai.OpenAiMapperTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
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
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Reasoning, top_k and untranslated parameters through the Chat Completions mapper, both ways. */
class OpenAiReasoningMapperTest {

    private final OpenAiMapper openai = new OpenAiMapper(ProviderType.OPENAI);
    private final OpenAiMapper compatible = new OpenAiMapper(ProviderType.OPENAI_COMPATIBLE);

    private static ChatRequest.Builder hi(String model) {
        return ChatRequest.builder(model).messages(ChatMessage.user("Hi"));
    }

    private static JsonObject wire(OpenAiMapper mapper, ChatRequest request) {
        return json(mapper.toJson(request, false)).asJsonObject();
    }

    // ---------------------------------------------------------------- reasoning_effort

    @ParameterizedTest
    @CsvSource({"minimal", "low", "medium", "high", "xhigh", "none", "HIGH", "ultra"})
    void effortIsSentAsTheCallerSpeltIt(String effort) {
        assertJson("""
                {"model":"o3-mini","messages":[{"role":"user","content":"Hi"}],"reasoning_effort":"%s"}"""
                .formatted(effort), openai.toJson(hi("o3-mini").reasoning(ReasoningConfig.effort(effort)).build(),
                false));
    }

    @ParameterizedTest
    @CsvSource({"1024,low", "1500,medium", "2048,medium", "4096,high", "32000,high", "0,none"})
    void budgetBecomesAnEffortByTheTable(int budget, String effort) {
        ChatRequest request = hi("gpt-5").reasoning(ReasoningConfig.budget(budget)).build();
        assertEquals(effort, wire(openai, request).getString("reasoning_effort"));
        assertEquals(effort, wire(compatible, request).getString("reasoning_effort"));
    }

    @Test
    void noReasoningForAnOpenAiModelThatNeverReasonsIsNotSent() {
        // OpenAI refuses reasoning_effort for gpt-4o; "do not reason" is what the model does anyway
        assertJson("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                openai.toJson(hi("gpt-4o").reasoning(ReasoningConfig.disabled()).build(), false));
        assertEquals("none",
                wire(openai, hi("gpt-5.1").reasoning(ReasoningConfig.disabled()).build()).getString("reasoning_effort"));
        // a compatible server's models are not known here: it gets what was asked
        assertEquals("none", wire(compatible, hi("deepseek-chat").reasoning(ReasoningConfig.disabled()).build())
                .getString("reasoning_effort"));
    }

    @Test
    void reasoningAskedOfANonReasoningOpenAiModelIsSentForOpenAiToJudge() {
        assertEquals("high",
                wire(openai, hi("gpt-4o").reasoning(ReasoningConfig.effort("high")).build())
                        .getString("reasoning_effort"));
    }

    @Test
    void noReasoningConfigSendsNoEffort() {
        assertFalse(wire(openai, hi("o3").build()).containsKey("reasoning_effort"));
    }

    // ---------------------------------------------------------------- top_k

    @Test
    void topKGoesToCompatibleServers() {
        assertJson("""
                {"model":"Qwen/Qwen3-8B","messages":[{"role":"user","content":"Hi"}],"temperature":0.6,"top_k":20,
                 "reasoning_effort":"low","stream":true,"stream_options":{"include_usage":true}}""",
                compatible.toJson(hi("Qwen/Qwen3-8B").temperature(0.6).topK(20)
                        .reasoning(ReasoningConfig.effort("low")).build(), true));
    }

    @Test
    void topKIsRefusedByNameForOpenAiItself() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> openai.toJson(hi("gpt-4o").topK(40).build(), false));
        assertEquals("unsupported_parameter", e.providerCode());
        assertTrue(e.getMessage().contains("top_k"), e.getMessage());
        assertEquals(ProviderType.OPENAI, e.provider());
    }

    // ---------------------------------------------------------------- untranslated parameters

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "OPENAI_COMPATIBLE"})
    void untranslatedParametersOfAnotherProtocolAreRefusedByName(ProviderType type) {
        NativeRequest anthropic = new NativeRequest(ProviderType.ANTHROPIC, "{}",
                List.of("messages[0].content[0].cache_control", "mcp_servers"), null);
        ChatRequest request = hi("gpt-4o").nativeRequest(anthropic).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new OpenAiMapper(type).toJson(request, false));
        assertTrue(e.getMessage().contains("messages[0].content[0].cache_control, mcp_servers"), e.getMessage());
        assertEquals("unsupported_parameter", e.providerCode());
    }

    @Test
    void aNativeBodyWithEverythingTranslatedIsSentFromTheTranslation() {
        ChatRequest request = hi("gpt-4o").nativeRequest(new NativeRequest(ProviderType.ANTHROPIC,
                "{\"model\":\"claude-sonnet-4-5\"}", List.of(), null)).build();
        assertJson("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                openai.toJson(request, false));
    }

    // ---------------------------------------------------------------- reasoning in the history

    @Test
    void reasoningBlocksOfEarlierTurnsAreNotSentBack() {
        ChatMessage answered = new ChatMessage(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("The user greets me.", "EqQBCkYIBxgC"),
                new ContentPart.RedactedThinking("EmwKAhgBEgy3va3pzix"),
                ContentPart.text("Hello!")), null, null, null);
        ChatMessage calling = new ChatMessage(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("I need the weather.", "sig")),
                null, List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null);
        ChatMessage failed = new ChatMessage(Role.TOOL, List.of(ContentPart.text("Error: city not found")), null, null,
                "call_1", true);
        ChatRequest request = ChatRequest.builder("deepseek-reasoner")
                .messages(ChatMessage.user("Hi"), answered, ChatMessage.user("Weather?"), calling, failed).build();
        assertJson("""
                {"model":"deepseek-reasoner","messages":[
                  {"role":"user","content":"Hi"},
                  {"role":"assistant","content":"Hello!"},
                  {"role":"user","content":"Weather?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"Error: city not found"}]}""",
                compatible.toJson(request, false));
    }

    @Test
    void reasoningBlocksNextToImagesAreLeftOutOfTheParts() {
        ChatMessage message = new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Thinking("Look.", null),
                new ContentPart.ImageUrl("https://example.com/a.png", null), ContentPart.text("A cat.")),
                null, null, null);
        assertEquals(json("""
                [{"type":"image_url","image_url":{"url":"https://example.com/a.png"}},{"type":"text","text":"A cat."}]
                """), wire(openai, ChatRequest.builder("gpt-4o").messages(message).build())
                .getJsonArray("messages").getJsonObject(0).get("content"));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void deepSeekReasonerAnswer() {
        // shape of DeepSeek's documented deepseek-reasoner answer (api-docs.deepseek.com, reasoning_model)
        ChatResponse response = compatible.fromJson("""
                {"id":"5d0c5c3b","object":"chat.completion","created":1737000000,"model":"deepseek-reasoner",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"9.11 is smaller than 9.9.",
                  "reasoning_content":"Compare the tenths: 1 < 9."},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":18,"completion_tokens":240,"total_tokens":258,
                  "prompt_tokens_details":{"cached_tokens":0},
                  "completion_tokens_details":{"reasoning_tokens":221},
                  "prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":18}}""");
        assertEquals("9.11 is smaller than 9.9.", response.choices().get(0).text());
        assertEquals("Compare the tenths: 1 < 9.", response.choices().get(0).reasoning());
        // reasoning tokens are a share of the output tokens, not added to them
        assertEquals(new Usage(18, 240, 258, 0, 221), response.usage());
    }

    @Test
    void answerWithoutReasoningHasNone() {
        assertNull(openai.fromJson("""
                {"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"Hi",
                 "reasoning_content":null,"reasoning":""},"finish_reason":"stop"}]}""").choices().get(0).reasoning());
    }

    @Test
    void streamedReasoningUnderOpenRoutersName() {
        List<StreamChunk> chunks = OpenAiStreamDecoderTest.decode("""
                data: {"id":"gen-1","model":"deepseek/deepseek-r1","choices":[{"index":0,\
                "delta":{"role":"assistant","content":"","reasoning":"First, "}}]}

                data: {"id":"gen-1","model":"deepseek/deepseek-r1","choices":[{"index":0,\
                "delta":{"content":"","reasoning":"add."}}]}

                data: {"id":"gen-1","model":"deepseek/deepseek-r1","choices":[{"index":0,\
                "delta":{"content":"4","reasoning":null},"finish_reason":"stop"}]}

                data: {"id":"gen-1","model":"deepseek/deepseek-r1","choices":[],\
                "usage":{"prompt_tokens":9,"completion_tokens":30,"total_tokens":39,\
                "completion_tokens_details":{"reasoning_tokens":28}}}

                data: [DONE]

                """);
        assertEquals(List.of("First, ", "add.", "", ""), chunks.stream().map(StreamChunk::reasoningDelta).toList());
        assertEquals(List.of("", "", "4", ""), chunks.stream().map(StreamChunk::textDelta).toList());
        assertEquals(new Usage(9, 30, 39, null, 28), chunks.get(3).usage());
    }
}
