package io.circuitbreaker.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

    private static final Deployment GPT = new Deployment("openai", ProviderType.OPENAI, "https://api.openai.com/v1",
            "openai", Deployment.passthroughModel("gpt-4o"), true, 1);
    private static final Resolution DIRECT = new Resolution("gpt-4o", null, RouteStrategy.FALLBACK, List.of(GPT),
            "catalog");

    private static ChatRequest.Builder base() {
        return ChatRequest.builder("gpt-4o").messages(ChatMessage.system("be brief"), ChatMessage.user("Hello!"))
                .temperature(0.2).maxTokens(100);
    }

    private static String key(ChatRequest request) {
        return CacheKeys.of("key-a", DIRECT, request);
    }

    @Test
    void theSameRequestHasTheSameKey() {
        assertEquals(key(base().build()), key(base().build()));
        assertTrue(key(base().build()).matches("llm:cache:v1:key-a:[0-9a-f]{64}"), key(base().build()));
    }

    @Test
    void everyParameterChangesTheKey() {
        String original = key(base().build());
        Map<String, UnaryOperator<ChatRequest.Builder>> changes = new LinkedHashMap<>();
        changes.put("messages", b -> b.messages(ChatMessage.system("be brief"), ChatMessage.user("Hello")));
        changes.put("role", b -> b.messages(ChatMessage.user("be brief"), ChatMessage.user("Hello!")));
        changes.put("temperature", b -> b.temperature(0.3));
        changes.put("topP", b -> b.topP(0.9));
        changes.put("maxTokens", b -> b.maxTokens(101));
        changes.put("stop", b -> b.stop(List.of("\n")));
        changes.put("seed", b -> b.seed(7L));
        changes.put("user", b -> b.user("alice"));
        changes.put("tools", b -> b.tools(List.of(new ToolDefinition("f", null, "{}", null))));
        changes.put("toolChoice", b -> b.toolChoice(ToolChoice.REQUIRED));
        changes.put("responseFormat", b -> b.responseFormat(ResponseFormat.JSON_OBJECT));
        changes.put("parallelToolCalls", b -> b.parallelToolCalls(false));
        changes.put("topK", b -> b.topK(5));
        changes.put("reasoning", b -> b.reasoning(ReasoningConfig.effort("low")));
        changes.put("presencePenalty", b -> b.presencePenalty(0.1));
        changes.put("frequencyPenalty", b -> b.frequencyPenalty(0.1));
        changes.put("candidates", b -> b.candidates(2));
        changes.put("nativeRequest", b -> b.nativeRequest(new NativeRequest(ProviderType.OPENAI,
                "{\"logit_bias\":{\"1\":5}}", List.of("logit_bias"), Map.of())));
        changes.forEach((name, change) -> assertNotEquals(original, key(change.apply(base()).build()), name));
        // every parameter of the request model is covered: a new one must get its own line above
        assertEquals(ChatRequest.class.getRecordComponents().length - 1, changes.keySet().stream()
                .filter(name -> !name.equals("role")).count(), "parameters tested (all but model)");
    }

    @Test
    void aNativeBodyIsKeyedWithoutItsStreamFlagsModelOrMemberOrder() {
        ChatRequest complete = base().nativeRequest(new NativeRequest(ProviderType.OPENAI,
                "{\"model\":\"gpt-4o\",\"store\":true,\"metadata\":{\"a\":1,\"b\":2}}", List.of(), Map.of())).build();
        ChatRequest streamed = base().nativeRequest(new NativeRequest(ProviderType.OPENAI,
                "{\"metadata\":{\"b\":2,\"a\":1},\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"store\":true,\"model\":\"openai/gpt-4o\"}", List.of(), Map.of())).build();
        assertEquals(key(complete), key(streamed));
        ChatRequest other = base().nativeRequest(new NativeRequest(ProviderType.OPENAI,
                "{\"model\":\"gpt-4o\",\"store\":false,\"metadata\":{\"a\":1,\"b\":2}}", List.of(), Map.of())).build();
        assertNotEquals(key(complete), key(other));
    }

    @Test
    void anotherGatewayKeyHasAnotherKey() {
        assertNotEquals(CacheKeys.of("key-a", DIRECT, base().build()), CacheKeys.of("key-b", DIRECT, base().build()));
    }

    @Test
    void theModelIsKeyedByWhatItResolvedTo() {
        Resolution qualified = new Resolution("openai/gpt-4o", null, RouteStrategy.FALLBACK, List.of(GPT), "qualified");
        assertEquals(key(base().build()), CacheKeys.of("key-a", qualified,
                ChatRequest.builder("openai/gpt-4o").messages(base().build().messages()).temperature(0.2)
                        .maxTokens(100).build()));
        Resolution route = new Resolution("smart", "smart", RouteStrategy.FALLBACK, List.of(GPT), "route");
        assertNotEquals(key(base().build()), CacheKeys.of("key-a", route, base().build()));
    }
}
