package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import java.util.List;
import java.util.Optional;

/**
 * An embeddings answer and how it was obtained.
 *
 * @param response   the provider's answer in the gateway's model
 * @param deployment the deployment that answered
 * @param attempts   every try, in order, including the successful one
 * @param cost       input tokens × the model's input price, exact; empty for an unpriced model
 * @param route      the route name, when a route was used
 */
public record RoutedEmbeddings(EmbeddingResponse response, Deployment deployment, List<Attempt> attempts,
        Optional<Cost> cost, String route) implements Routed {

    public RoutedEmbeddings {
        attempts = List.copyOf(attempts);
    }
}
