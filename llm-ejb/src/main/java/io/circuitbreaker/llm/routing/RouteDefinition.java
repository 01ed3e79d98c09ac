package io.circuitbreaker.llm.routing;

import java.util.List;
import java.util.Objects;

/**
 * A named virtual model: callers ask for {@code name}, the router picks among the candidates by the strategy.
 *
 * @param name       the name callers use as "model"
 * @param strategy   how candidates are ordered
 * @param candidates models as {@code providerId/modelId} or catalog model ids, each with a weight
 */
public record RouteDefinition(String name, RouteStrategy strategy, List<Candidate> candidates) {

    /** @param model {@code providerId/modelId} or a catalog model id; @param weight share for WEIGHTED */
    public record Candidate(String model, int weight) {
        public Candidate {
            Objects.requireNonNull(model, "model");
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1");
            }
        }
    }

    public RouteDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " has no candidates");
        }
    }
}
