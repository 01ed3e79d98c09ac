package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.cluster.ChangeTopic;
import io.circuitbreaker.llm.cluster.LocalChange;
import io.circuitbreaker.llm.cluster.RemoteChange;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.circuitbreaker.llm.routing.TrafficObserver;

import io.circuitbreaker.llm.config.ApiKeys;
import io.circuitbreaker.llm.config.BreakerConfig;
import io.circuitbreaker.llm.config.RouteConfigReader;
import io.circuitbreaker.llm.config.RouterConfig;
import io.circuitbreaker.llm.registry.InvalidConfigurationException;
import io.circuitbreaker.llm.registry.ProviderSnapshot;
import io.circuitbreaker.llm.registry.store.ConfigurationStore;
import io.circuitbreaker.llm.resilience.BreakerRegistry;
import io.circuitbreaker.llm.resilience.BreakerSettings;
import io.circuitbreaker.llm.resilience.RetryPolicy;
import io.circuitbreaker.llm.router.routing.CandidateOrder;
import io.circuitbreaker.llm.router.routing.LatencyTracker;
import io.circuitbreaker.llm.router.routing.ModelResolver;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.spi.ProviderClientFactory;
import io.circuitbreaker.llm.spi.ProviderTimeouts;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import io.circuitbreaker.llm.observability.GatewayMetrics;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.LinkedHashMap;
import java.util.List;
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
    ProviderSnapshot registry;

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

    @EJB
    ConfigurationStore store;

    /** Passive health and metrics both hear every upstream attempt. */
    @Inject
    @Any
    Instance<TrafficObserver> observers;

    @Inject
    GatewayMetrics metrics;

    @Inject
    Event<LocalChange> announce;

    private BreakerRegistry breakers;
    private RouterEngine engine;
    private Optional<ProviderType> defaultProvider;
    private volatile Map<String, RouteDefinition> routes = Map.of();
    private Map<String, RouteDefinition> configRoutes = Map.of();

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
                new SplittableRandom(), settings, TrafficObserver.all(observers.stream().toList())));
        metrics.watchBreakers(breakers);
        defaultProvider = "none".equals(routerConfig.defaultProvider().trim().toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of(ProviderType.parse(routerConfig.defaultProvider()).orElseThrow(() ->
                        new IllegalArgumentException("llm.router.default-provider: unknown provider type "
                                + routerConfig.defaultProvider())));
        configRoutes = RouteConfigReader.read(name -> config.getOptionalValue(name, String.class));
        routes = readRoutes();
    }

    /** Routes configured through the API were stored; they win over a same-named route from MicroProfile Config. */
    private Map<String, RouteDefinition> readRoutes() {
        Map<String, RouteDefinition> all = new LinkedHashMap<>(configRoutes);
        store.routes().forEach(route -> all.put(route.name(), route));
        return Map.copyOf(all);
    }

    /** Another instance changed the routes (or the periodic re-read): they are read again from the database. */
    public synchronized void onRemoteChange(@Observes RemoteChange change) {
        if (change.topic() == ChangeTopic.ROUTES) {
            routes = readRoutes();
        }
    }

    /** Kept while the catalog and routes are unchanged: building one indexes every provider. */
    private volatile ModelResolver resolver;

    public Resolution resolve(String model) {
        List<ProviderDefinition> providers = registry.providers();
        Map<String, RouteDefinition> current = routes;
        ModelResolver cached = resolver;
        if (cached == null || !cached.isFor(providers, current)) {
            cached = new ModelResolver(providers, current, defaultProvider);
            resolver = cached;
        }
        return cached.resolve(model);
    }

    public RouterEngine engine() {
        return engine;
    }

    /** The breakers, for whoever reports on them (health, GraphQL) without reaching into the router. */
    @Produces
    public BreakerRegistry breakers() {
        return breakers;
    }

    public Map<String, RouteDefinition> routes() {
        return routes;
    }

    /** Whether the route comes from MicroProfile Config ({@code llm.routes}) rather than from the API. */
    public boolean isFromConfig(String name) {
        RouteDefinition fromConfig = configRoutes.get(name);
        return fromConfig != null && fromConfig.equals(routes.get(name));
    }

    /**
     * Stores a route and makes it effective for the next request. Every candidate must resolve to a provider now,
     * so a typo shows here rather than as failed requests later.
     *
     * @throws InvalidConfigurationException when a candidate names no provider
     */
    public synchronized void putRoute(RouteDefinition route) {
        Map<String, RouteDefinition> next = new LinkedHashMap<>(routes);
        next.put(route.name(), route);
        try {
            new ModelResolver(registry.providers(), next, defaultProvider).resolve(route.name());
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
        store.save(route);
        routes = Map.copyOf(next);
        announce.fire(new LocalChange(ChangeTopic.ROUTES));
    }

    /**
     * Removes a route configured through the API. If MicroProfile Config defines a route of the same name, that one
     * applies again.
     *
     * @return whether a route was removed
     * @throws InvalidConfigurationException for a route that only MicroProfile Config defines
     */
    public synchronized boolean removeRoute(String name) {
        boolean stored = store.removeRoute(name);
        if (!stored && configRoutes.containsKey(name)) {
            throw new InvalidConfigurationException("route " + name + " is defined in MicroProfile Config "
                    + "(llm.routes, llm.route." + name + ".*); remove it there");
        }
        if (!stored && !routes.containsKey(name)) {
            return false;
        }
        Map<String, RouteDefinition> next = new LinkedHashMap<>(routes);
        next.remove(name);
        if (configRoutes.containsKey(name)) {
            next.put(name, configRoutes.get(name));
        }
        routes = Map.copyOf(next);
        announce.fire(new LocalChange(ChangeTopic.ROUTES));
        return true;
    }
}
