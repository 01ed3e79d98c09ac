package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.RequestNeeds;

import io.circuitbreaker.llm.routing.Deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {

    private static final ModelResolver RESOLVER = new ModelResolver(CatalogReader.defaultCatalog(), Map.of(),
            Optional.empty());

    private static Deployment deployment(String model) {
        return RESOLVER.resolve(model).candidates().get(0);
    }

    private static ChatRequest text(int chars, Integer maxTokens) {
        return ChatRequest.builder("x").messages(ChatMessage.user("a".repeat(chars))).maxTokens(maxTokens).build();
    }

    @Test
    void imagesNeedVision() {
        ChatRequest withImage = ChatRequest.builder("x").messages(new ChatMessage(Role.USER, List.of(
                ContentPart.text("what is this"), new ContentPart.ImageUrl("https://x/cat.png", null)),
                null, null, null)).build();
        var result = CandidateFilter.filter(List.of(deployment("gpt-4"), deployment("gpt-4o")),
                RequestNeeds.of(withImage, false), d -> true);
        assertEquals(List.of("openai/gpt-4o"), result.usable().stream().map(Deployment::key).toList());
        assertEquals(List.of("openai/gpt-4: no vision support for images"), result.skipped());
    }

    @Test
    void toolsNeedFunctionCalling() {
        var noTools = new io.circuitbreaker.llm.catalog.ModelDefinition("plain", "Plain", 100, 1000, null, null,
                true, false, List.of());
        Deployment plain = new Deployment("p", io.circuitbreaker.llm.spi.ProviderType.OPENAI_COMPATIBLE, "http://x",
                null, noTools, true, 1);
        ChatRequest withTools = ChatRequest.builder("x").messages(ChatMessage.user("hi"))
                .tools(List.of(new ToolDefinition("f", "d", "{}", null))).build();
        var result = CandidateFilter.filter(List.of(plain), RequestNeeds.of(withTools, false), d -> true);
        assertTrue(result.usable().isEmpty());
        assertEquals("p/plain: no function calling for tools", result.skipped().get(0));
    }

    @Test
    void neverAModelWhoseContextWindowIsTooSmall() {
        // about 10,000 input tokens + 1,000 output: gpt-4 (8,192) cannot, gpt-4o (128,000) can
        var result = CandidateFilter.filter(List.of(deployment("gpt-4"), deployment("gpt-4o")),
                RequestNeeds.of(text(40_000, 1000), false), d -> true);
        assertEquals(List.of("openai/gpt-4o"), result.usable().stream().map(Deployment::key).toList());
        assertTrue(result.skipped().get(0).startsWith("openai/gpt-4: context window 8192 too small"),
                result.skipped().get(0));
    }

    @Test
    void modelDefaultOutputCountsWhenMaxTokensIsUnset() {
        // 8,000 chars ≈ 2,005 tokens + gpt-4's default 8,192 output > 8,192 window
        var result = CandidateFilter.filter(List.of(deployment("gpt-4")), RequestNeeds.of(text(8_000, null), false),
                d -> true);
        assertTrue(result.usable().isEmpty());
    }

    @Test
    void openBreakersAreSkipped() {
        var result = CandidateFilter.filter(List.of(deployment("gpt-4o"), deployment("gemini-pro")),
                RequestNeeds.of(text(10, 10), false), d -> !d.key().equals("openai/gpt-4o"));
        assertEquals(List.of("google/gemini-pro"), result.usable().stream().map(Deployment::key).toList());
        assertEquals("openai/gpt-4o: circuit breaker open", result.skipped().get(0));
    }

    @Test
    void passthroughModelsAreAssumedCapable() {
        ChatRequest big = text(4_000_000, 100);
        var result = CandidateFilter.filter(List.of(deployment("gpt-4.1")), RequestNeeds.of(big, true), d -> true);
        assertEquals(1, result.usable().size());
    }

    @Test
    void estimateIsCharactersOverFourPlusOverheadAndImages() {
        ChatRequest request = ChatRequest.builder("x").messages(ChatMessage.system("abcd"), new ChatMessage(Role.USER,
                List.of(ContentPart.text("efgh"), new ContentPart.ImageBase64("image/png", "AAAA")), null, null, null))
                .build();
        assertEquals(2 + 2 * 4 + RequestNeeds.IMAGE_TOKENS, RequestNeeds.estimateInputTokens(request));
    }
}
