package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.PriceOrigin;
import io.circuitbreaker.llm.catalog.TokenRates;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCeilingTest {

    private static Deployment deployment(String id, String in, String out, int maxTokens) {
        ModelDefinition model = new ModelDefinition(id, id, maxTokens, 128_000, in == null ? null : new BigDecimal(in),
                out == null ? null : new BigDecimal(out), true, true, List.of());
        return new Deployment("p-" + id, ProviderType.OPENAI, null, null, model, true, 1);
    }

    private static ChatRequest request(Integer maxTokens) {
        // 30 characters: the router's estimate is 4 + 8 = 12 tokens, read as 16 for a budget
        return ChatRequest.builder("m").messages(ChatMessage.user("x".repeat(30))).maxTokens(maxTokens).build();
    }

    @Test
    void theDearestCandidateWithMaxTokensOrTheModelsMaximumOutput() {
        List<Deployment> candidates = List.of(deployment("cheap", "0.000000075", "0.0000003", 8192),
                deployment("dear", "0.000005", "0.000015", 4096));
        assertEquals(16, CostCeiling.inputTokens(request(null)));
        // 16 × 0.000005 + 100 × 0.000015
        assertEquals(new BigDecimal("0.001580"), CostCeiling.of(request(100), candidates));
        // without max_tokens: 16 × 0.000005 + 4096 × 0.000015 = 0.06152 (the cheap model's 8192 cost 0.0024588)
        assertEquals(new BigDecimal("0.061520"), CostCeiling.of(request(null), candidates));
        // max_tokens above a model's maximum is capped by it
        assertEquals(new BigDecimal("0.061520"), CostCeiling.of(request(100_000), candidates));
    }

    /** The ceiling must not be below what the request can cost: a prompt written to the cache for 1 hour. */
    @Test
    void everyInputTokenIsReservedAtTheDearestInputPriceOfTheBandTheInputFallsIn() {
        ModelPricing sonnet = new ModelPricing(new TokenRates(new BigDecimal("0.000003"), new BigDecimal("0.000015"),
                new BigDecimal("0.0000003"), new BigDecimal("0.00000375"), new BigDecimal("0.000006")), 10,
                new TokenRates(new BigDecimal("0.000006"), new BigDecimal("0.0000225"), null, null,
                        new BigDecimal("0.000012")), PriceOrigin.CATALOG, null, null);
        Deployment deployment = new Deployment("p-sonnet", ProviderType.ANTHROPIC, null, null,
                new ModelDefinition("sonnet", "Sonnet", 64_000, 1_000_000, sonnet, true, true, List.of(), false),
                true, 1);
        // 16 estimated input tokens, above the band's 10: 16 × 0.000012 (1-hour write) + 100 × 0.0000225
        assertEquals(new BigDecimal("0.0024420"), CostCeiling.of(request(100), List.of(deployment)));
    }

    @Test
    void unpricedCandidatesReserveNothing() {
        assertEquals(BigDecimal.ZERO, CostCeiling.of(request(10), List.of(deployment("local", null, null, 8192))));
    }

    @Test
    void anEmbeddingsRequestReservesItsInputAtTheDearestInputPrice() {
        List<Deployment> candidates = List.of(deployment("small", "0.00000002", "0", 1),
                deployment("large", "0.00000013", "0", 1), deployment("unpriced", null, null, 1));
        // two inputs of 30 and 10 characters: 8 + 3 = 11 tokens estimated, read as (11 × 4 + 2) / 3 = 15
        EmbeddingRequest request = new EmbeddingRequest("m", List.of(new EmbeddingInput.Text("x".repeat(30)),
                new EmbeddingInput.Text("y".repeat(10))), null, null, null);
        // 15 × 0.00000013, no output
        assertEquals(new BigDecimal("0.00000195"), CostCeiling.of(request, candidates));
    }
}
