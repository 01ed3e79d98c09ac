package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.routing.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * A completion and how it was obtained.
 *
 * @param response   the provider's answer in the gateway's model
 * @param deployment the deployment that answered
 * @param attempts   every try, in order, including the successful one
 * @param cost       what it cost, empty for an unpriced model
 * @param route      the route name, when a route was used
 */
public record RoutedResponse(ChatResponse response, Deployment deployment, List<Attempt> attempts,
        Optional<Cost> cost, String route) implements Routed {
    public RoutedResponse {
        attempts = List.copyOf(attempts);
    }

    /** How many candidates failed before the one that answered. */
    public long fallbacks() {
        return attempts.stream().map(Attempt::deployment).distinct().count() - 1;
    }
}
