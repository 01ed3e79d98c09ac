package io.circuitbreaker.llm.routing;

import java.util.List;

/**
 * What a requested model name resolved to.
 *
 * @param requested  the model name the caller sent
 * @param route      the route name when a route matched, else {@code null}
 * @param strategy   how to order the candidates
 * @param candidates the deployments that can serve it, before filtering and ordering
 * @param how        which resolution rule matched, for logs and usage records
 */
public record Resolution(String requested, String route, RouteStrategy strategy, List<Deployment> candidates,
        String how) {
    public Resolution {
        candidates = List.copyOf(candidates);
    }
}
