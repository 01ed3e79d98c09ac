package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.routing.TrafficObserver;

import io.circuitbreaker.llm.resilience.BreakerRegistry;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Everything the routing engine needs from its surroundings, as plain functions, so the engine runs the same in the
 * container (CDI beans behind the functions) and in unit tests (fakes).
 *
 * @param adapters  the adapter for a protocol (CDI: selected by qualifier)
 * @param endpoints the endpoint (base URL and time limits) of a deployment
 * @param apiKeys   the key of a deployment, resolved from its secret reference; empty when not configured
 * @param breakers  per-deployment circuit breakers
 * @param latency   observed latencies, for FASTEST routes
 * @param order     the route strategies
 * @param scheduler for backoff delays, so no thread sleeps while waiting to retry
 * @param random    for jitter
 * @param settings  retry and fallback behaviour
 * @param traffic   hears every call's outcome, for passive health
 */
public record RouterWiring(Function<ProviderType, LlmProviderClient> adapters,
        Function<Deployment, ProviderEndpoint> endpoints, Function<Deployment, Optional<String>> apiKeys,
        BreakerRegistry breakers, LatencyTracker latency, CandidateOrder order, ScheduledExecutorService scheduler,
        RandomGenerator random, RouterSettings settings,
        TrafficObserver traffic) {

    public RouterWiring {
        traffic = traffic == null ? TrafficObserver.NONE : traffic;
    }
}
