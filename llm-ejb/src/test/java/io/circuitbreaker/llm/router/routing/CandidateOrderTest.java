package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.RequestNeeds;

import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.RouteStrategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateOrderTest {

    private static final ModelResolver RESOLVER = new ModelResolver(CatalogReader.defaultCatalog(), Map.of(),
            Optional.empty());
    private static final RequestNeeds NEEDS = RequestNeeds.of(ChatRequest.builder("x")
            .messages(ChatMessage.user("a".repeat(400))).maxTokens(50).build(), false);

    private static Deployment d(String model) {
        return RESOLVER.resolve(model).candidates().get(0);
    }

    private static List<String> keys(List<Deployment> deployments) {
        return deployments.stream().map(Deployment::key).toList();
    }

    @Test
    void fallbackKeepsTheConfiguredOrder() {
        List<Deployment> list = List.of(d("gpt-4"), d("gemini-1.5-flash"), d("gpt-4o"));
        assertEquals(list, new CandidateOrder(new LatencyTracker(), new SplittableRandom(1))
                .order(list, RouteStrategy.FALLBACK, NEEDS));
    }

    @Test
    void cheapestSortsByExpectedCostWithUnpricedLast() {
        List<Deployment> list = List.of(d("gpt-4"), d("openai/some-new-model"), d("claude-3-haiku-20240307"),
                d("gemini-1.5-flash"), d("gpt-4o"));
        assertEquals(List.of("google/gemini-1.5-flash", "anthropic/claude-3-haiku-20240307", "openai/gpt-4o",
                "openai/gpt-4", "openai/some-new-model"),
                keys(new CandidateOrder(new LatencyTracker(), new SplittableRandom(1))
                        .order(list, RouteStrategy.CHEAPEST, NEEDS)));
    }

    @Test
    void expectedCostUsesEstimatedInputAndRequestedOutput() {
        // 400 chars → 100 + 4 overhead = 104 input tokens; 50 output: 104 × 0.000005 + 50 × 0.000015
        assertEquals(0, new BigDecimal("0.00127").compareTo(CandidateOrder.expectedCost(d("gpt-4o"), NEEDS)));
    }

    @Test
    void fastestPrefersLowestAverageLatency() {
        LatencyTracker latency = new LatencyTracker();
        latency.recordTotal(d("gpt-4o"), Duration.ofMillis(900));
        latency.recordTotal(d("gemini-pro"), Duration.ofMillis(300));
        latency.recordTotal(d("gpt-4"), Duration.ofMillis(600));
        // all measured: exploration has nothing to try
        CandidateOrder order = new CandidateOrder(latency, new SplittableRandom(1));
        List<Deployment> measured = List.of(d("gpt-4o"), d("gemini-pro"), d("gpt-4"));
        assertEquals(List.of("google/gemini-pro", "openai/gpt-4", "openai/gpt-4o"),
                keys(order.order(measured, RouteStrategy.FASTEST, NEEDS)));
    }

    @Test
    void fastestExploresUnmeasuredCandidatesSometimes() {
        LatencyTracker latency = new LatencyTracker();
        latency.recordTotal(d("gpt-4o"), Duration.ofMillis(100));
        CandidateOrder order = new CandidateOrder(latency, new SplittableRandom(3));
        List<Deployment> list = List.of(d("gpt-4o"), d("gemini-pro"));
        int explored = 0;
        for (int i = 0; i < 2000; i++) {
            if (order.order(list, RouteStrategy.FASTEST, NEEDS).get(0).key().equals("google/gemini-pro")) {
                explored++;
            }
        }
        assertTrue(explored > 100 && explored < 300, "about 10% exploration, got " + explored);
    }

    @Test
    void fastestTriesUnmeasuredFirstWhenNothingIsMeasured() {
        CandidateOrder order = new CandidateOrder(new LatencyTracker(), new SplittableRandom(3));
        assertEquals(2, order.order(List.of(d("gpt-4o"), d("gemini-pro")), RouteStrategy.FASTEST, NEEDS).size());
    }

    @Test
    void weightedFollowsTheWeights() {
        Deployment heavy = d("gpt-4o").withWeight(3);
        Deployment light = new Deployment("openai-eu", heavy.type(), "https://eu.example/v1", "openai-eu",
                heavy.model(), true, 1);
        CandidateOrder order = new CandidateOrder(new LatencyTracker(), new SplittableRandom(11));
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            List<Deployment> ordered = order.order(List.of(heavy, light), RouteStrategy.WEIGHTED, NEEDS);
            assertEquals(2, ordered.size(), "the other stays as a fallback");
            first.merge(ordered.get(0).key(), 1, Integer::sum);
        }
        double heavyShare = first.get("openai/gpt-4o") / 4000.0;
        assertTrue(heavyShare > 0.72 && heavyShare < 0.78, "weight 3:1 gives about 75%, got " + heavyShare);
    }
}
