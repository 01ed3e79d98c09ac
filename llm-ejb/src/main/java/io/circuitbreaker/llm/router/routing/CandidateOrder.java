package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.RequestNeeds;

import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.RouteStrategy;

import io.circuitbreaker.llm.catalog.CostCalculator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Orders usable candidates by a route's strategy; the router then tries them in that order. */
public final class CandidateOrder {

    /** Share of requests on which a FASTEST route tries an unmeasured candidate first. */
    static final double EXPLORATION_RATE = 0.1;

    private final LatencyTracker latency;
    private final RandomGenerator random;

    public CandidateOrder(LatencyTracker latency, RandomGenerator random) {
        this.latency = latency;
        this.random = random;
    }

    public List<Deployment> order(List<Deployment> usable, RouteStrategy strategy, RequestNeeds needs) {
        return switch (strategy) {
            case FALLBACK -> usable;
            case CHEAPEST -> cheapest(usable, needs);
            case FASTEST -> fastest(usable, needs);
            case WEIGHTED -> weighted(usable);
        };
    }

    /** Expected cost = estimated input × input price + output tokens × output price; unpriced models go last. */
    static BigDecimal expectedCost(Deployment deployment, RequestNeeds needs) {
        return CostCalculator.cost(deployment.model(), needs.estimatedInputTokens(), needs.outputTokensOn(deployment))
                .map(cost -> cost.total())
                .orElse(null);
    }

    private static List<Deployment> cheapest(List<Deployment> usable, RequestNeeds needs) {
        List<Deployment> sorted = new ArrayList<>(usable);
        sorted.sort(Comparator.comparing((Deployment d) -> expectedCost(d, needs),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private List<Deployment> fastest(List<Deployment> usable, RequestNeeds needs) {
        List<Deployment> measured = new ArrayList<>();
        List<Deployment> unmeasured = new ArrayList<>();
        for (Deployment d : usable) {
            (latency.averageMillis(d, needs.stream()).isPresent() ? measured : unmeasured).add(d);
        }
        measured.sort(Comparator.comparingDouble(d -> latency.averageMillis(d, needs.stream()).orElse(0)));
        List<Deployment> ordered = new ArrayList<>(usable.size());
        // without data a candidate could never prove itself: now and then (or when nothing is measured) try it first
        if (!unmeasured.isEmpty() && (measured.isEmpty() || random.nextDouble() < EXPLORATION_RATE)) {
            ordered.addAll(unmeasured);
            ordered.addAll(measured);
        } else {
            ordered.addAll(measured);
            ordered.addAll(unmeasured);
        }
        return ordered;
    }

    /**
     * A weighted random permutation (Efraimidis-Spirakis: sort by u^(1/w) descending), so the first choice follows
     * the weights and the rest remain as fallbacks.
     */
    private List<Deployment> weighted(List<Deployment> usable) {
        record Keyed(Deployment deployment, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Deployment d : usable) {
            keyed.add(new Keyed(d, Math.pow(random.nextDouble(), 1.0 / d.weight())));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return keyed.stream().map(Keyed::deployment).toList();
    }
}
