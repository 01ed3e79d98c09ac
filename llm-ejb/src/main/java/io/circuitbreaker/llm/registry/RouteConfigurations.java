package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validates a client's route definition (all problems at once) and builds the route. Pure. */
public final class RouteConfigurations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final String STRATEGIES = Arrays.stream(RouteStrategy.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private RouteConfigurations() {
    }

    /**
     * @param name       the name callers will use as their model
     * @param strategy   fallback, cheapest, fastest or weighted (any case); absent means fallback
     * @param candidates {@code provider/model} references or catalog model ids, in order
     * @param weights    one per candidate, for weighted routes; absent means all 1
     */
    public static RouteDefinition build(String name, String strategy, List<String> candidates,
            List<Integer> weights) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must be 1 to 128 letters, digits, '.', '_', ':' or '-' (no '/': that names a "
                    + "provider's model)");
        }
        Optional<RouteStrategy> parsed = strategy == null || strategy.isBlank() ? Optional.of(RouteStrategy.FALLBACK)
                : RouteStrategy.parse(strategy);
        if (parsed.isEmpty()) {
            problems.add("unknown strategy \"" + ProviderConfigurations.printable(strategy) + "\"; use one of "
                    + STRATEGIES);
        }
        List<String> models = candidates == null ? List.of() : candidates;
        if (models.isEmpty()) {
            problems.add("candidates must name at least one model, e.g. anthropic/claude-3-5-sonnet-20241022");
        }
        for (String model : models) {
            if (model == null || model.isBlank() || model.contains(",") || model.contains("*")
                    || model.length() > 300) {
                problems.add("each candidate must be a model reference of 1 to 300 characters without ',' or '*'");
                break;
            }
        }
        if (weights != null && !weights.isEmpty()) {
            if (weights.size() != models.size()) {
                problems.add("weights must have one entry per candidate (" + models.size() + "), not "
                        + weights.size());
            } else if (weights.stream().anyMatch(w -> w == null || w < 1 || w > 1_000_000)) {
                problems.add("each weight must be between 1 and 1000000");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        List<RouteDefinition.Candidate> result = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            int weight = weights == null || weights.isEmpty() ? 1 : weights.get(i);
            result.add(new RouteDefinition.Candidate(models.get(i).trim(), weight));
        }
        return new RouteDefinition(name, parsed.get(), result);
    }
}
