package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.config.ApiKeys;
import io.circuitbreaker.llm.config.BreakerConfig;
import io.circuitbreaker.llm.config.RouteConfigReader;
import io.circuitbreaker.llm.config.RouterConfig;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.router.resilience.BreakerRegistry;
import io.circuitbreaker.llm.router.resilience.BreakerSettings;
import io.circuitbreaker.llm.router.resilience.RetryPolicy;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.router.routing.ModelResolver;
import io.circuitbreaker.llm.router.routing.Resolution;
import io.circuitbreaker.llm.router.routing.RouteDefinition;
import io.circuitbreaker.llm.spi.ProviderClientFactory;
import io.circuitbreaker.llm.spi.ProviderTimeouts;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.eclipse.microprofile.config.Config;

/**
 * The router's long-lived state (breakers, latency averages, routes) and the engine wired to the container: adapters
 * by CDI qualifier, endpoints with configured time limits, keys from MicroProfile Config, the managed scheduler for
 * backoff. Built once at start from configuration.
 */
@ApplicationScoped
public class RouterRuntime {

    @Inject
    ProviderRegistry registry;

    @Inject
    ProviderClientFactory adapters;

    @Inject
    ProviderTimeouts timeouts;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Config config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private BreakerRegistry breakers;
    private RouterEngine engine;
    private Optional<ProviderType> defaultProvider;
    private volatile Map<String, RouteDefinition> routes = Map.of();

    @PostConstruct
    void init() {
        RouterConfig routerConfig = RouterConfig.from(config);
        BreakerConfig breakerConfig = BreakerConfig.from(config);
        breakers = new BreakerRegistry(new BreakerSettings(breakerConfig.consecutiveFailures(),
                breakerConfig.failureRatio(), breakerConfig.window(), breakerConfig.minimumCalls(),
                Duration.ofMillis(breakerConfig.openMs())), Instant::now);
        LatencyTracker latency = new LatencyTracker();
        RouterSettings settings = new RouterSettings(new RetryPolicy(routerConfig.attemptsPerDeployment(),
                Duration.ofMillis(routerConfig.backoffBaseMs()), Duration.ofMillis(routerConfig.backoffMaxMs()),
                Duration.ofMillis(routerConfig.maxRetryAfterMs())), routerConfig.routeAroundClientErrors());
        engine = new RouterEngine(new RouterWiring(adapters::adapter,
                d -> timeouts.endpoint(d.type(), d.baseUrl()),
                d -> apiKeys.resolve(d.apiKeyId() == null ? d.providerId() : d.apiKeyId(), d.type()),
                breakers, latency, new CandidateOrder(latency, new SplittableRandom()), scheduler,
                new SplittableRandom(), settings));
        defaultProvider = "none".equals(routerConfig.defaultProvider().trim().toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of(ProviderType.parse(routerConfig.defaultProvider()).orElseThrow(() ->
                        new IllegalArgumentException("llm.router.default-provider: unknown provider type "
                                + routerConfig.defaultProvider())));
        routes = RouteConfigReader.read(name -> config.getOptionalValue(name, String.class));
    }

    public Resolution resolve(String model) {
        return new ModelResolver(registry.providers(), routes, defaultProvider).resolve(model);
    }

    public RouterEngine engine() {
        return engine;
    }

    public BreakerRegistry breakers() {
        return breakers;
    }

    public Map<String, RouteDefinition> routes() {
        return routes;
    }

    /** Adds or replaces a route; takes effect for the next request. */
    public synchronized void putRoute(RouteDefinition route) {
        Map<String, RouteDefinition> next = new LinkedHashMap<>(routes);
        next.put(route.name(), route);
        routes = Map.copyOf(next);
    }

    public synchronized boolean removeRoute(String name) {
        if (!routes.containsKey(name)) {
            return false;
        }
        Map<String, RouteDefinition> next = new LinkedHashMap<>(routes);
        next.remove(name);
        routes = Map.copyOf(next);
        return true;
    }
}
