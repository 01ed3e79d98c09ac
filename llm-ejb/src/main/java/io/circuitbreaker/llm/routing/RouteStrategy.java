package io.circuitbreaker.llm.routing;

import java.util.Locale;
import java.util.Optional;

/** How a route orders its candidates. */
public enum RouteStrategy {
    /** In the configured order: the first that works answers. */
    FALLBACK,
    /** Lowest expected cost first (estimated input × input price + max tokens × output price). */
    CHEAPEST,
    /** Lowest observed latency first, exploring candidates without data now and then. */
    FASTEST,
    /** Random order with traffic shares by weight: load-balancing across deployments of one model. */
    WEIGHTED;

    public static Optional<RouteStrategy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
