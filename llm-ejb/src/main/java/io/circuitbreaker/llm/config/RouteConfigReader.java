package io.circuitbreaker.llm.config;

import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads routes defined in configuration at start:
 * <pre>
 * llm.routes=smart,cheap
 * llm.route.smart.strategy=fallback
 * llm.route.smart.candidates=anthropic/claude-3-5-sonnet-20241022,openai/gpt-4o
 * llm.route.smart.weights=3,1          (optional, for weighted)
 * </pre>
 */
public final class RouteConfigReader {

    private RouteConfigReader() {
    }

    /** @param values a configuration lookup by property name */
    public static Map<String, RouteDefinition> read(Function<String, Optional<String>> values) {
        Map<String, RouteDefinition> routes = new LinkedHashMap<>();
        for (String name : list(values.apply("llm.routes"))) {
            String prefix = "llm.route." + name + ".";
            String strategyText = values.apply(prefix + "strategy").orElse("fallback");
            RouteStrategy strategy = RouteStrategy.parse(strategyText).orElseThrow(() ->
                    new IllegalArgumentException("route " + name + ": unknown strategy " + strategyText));
            List<String> models = list(values.apply(prefix + "candidates"));
            List<String> weights = list(values.apply(prefix + "weights"));
            if (!weights.isEmpty() && weights.size() != models.size()) {
                throw new IllegalArgumentException("route " + name + ": " + weights.size() + " weights for "
                        + models.size() + " candidates");
            }
            List<RouteDefinition.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                candidates.add(new RouteDefinition.Candidate(models.get(i),
                        weights.isEmpty() ? 1 : Integer.parseInt(weights.get(i))));
            }
            routes.put(name, new RouteDefinition(name, strategy, candidates));
        }
        return routes;
    }

    private static List<String> list(Optional<String> text) {
        return text.map(t -> List.of(t.split(","))).orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
