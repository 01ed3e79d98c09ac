package io.circuitbreaker.llm.observability;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.registry.ProviderSnapshot;
import io.circuitbreaker.llm.routing.TrafficObserver;
import io.circuitbreaker.llm.resilience.BreakerRegistry;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.usage.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Records the gateway's metrics: one call per finished request (from its usage event) and one per upstream attempt
 * (as a {@link TrafficObserver}). Metric handles are cached here per name and label set (labels are bounded: catalog
 * ids or {@code other}), so a request costs one map read and an atomic increment per metric instead of the
 * registry's metadata building and id look-up.
 */
@ApplicationScoped
public class GatewayMetrics implements TrafficObserver {

    static final String REQUESTS = "llm.requests";
    static final String TOKENS = "llm.tokens";
    static final String COST = "llm.cost.usd";
    static final String DURATION = "llm.request.duration";
    static final String FIRST_TOKEN = "llm.time.to.first.token";
    static final String RETRIES = "llm.retries";
    static final String FALLBACKS = "llm.fallbacks";
    static final String ATTEMPTS = "llm.upstream.attempts";
    static final String ERRORS = "llm.upstream.errors";

    @Inject
    MetricRegistry registry;

    @Inject
    ProviderSnapshot providers;

    /** Exact cost sums per provider and model; Prometheus reads them as a double, the sum itself stays exact. */
    private final Map<List<String>, AtomicReference<BigDecimal>> costs = new ConcurrentHashMap<>();
    private final Set<String> watchedBreakers = ConcurrentHashMap.newKeySet();
    private final Map<List<Object>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<Object>, Timer> timers = new ConcurrentHashMap<>();
    private volatile BreakerRegistry breakers;

    /** One finished request, streamed or not. */
    public void requestFinished(UsageEvent event) {
        List<ProviderDefinition> configured = providers.providers();
        String provider = MetricLabels.provider(configured, event.providerId());
        String model = MetricLabels.model(configured, event.providerId(), event.model());
        String route = MetricLabels.route(event.route());
        Tag[] where = {new Tag("provider", provider), new Tag("model", model)};
        counter(REQUESTS, "Routed requests by provider, model, route and outcome",
                new Tag("provider", provider), new Tag("model", model), new Tag("route", route),
                new Tag("outcome", event.outcome().name())).inc();
        if (event.inputTokens() != null) {
            counter(TOKENS, "Tokens reported by the providers", where[0], where[1],
                    new Tag("type", "input")).inc(event.inputTokens());
        }
        if (event.outputTokens() != null) {
            counter(TOKENS, "Tokens reported by the providers", where[0], where[1],
                    new Tag("type", "output")).inc(event.outputTokens());
        }
        if (event.costUsd() != null) {
            cost(provider, model).accumulateAndGet(event.costUsd(), BigDecimal::add);
        }
        timer(DURATION, "End-to-end request latency", where[0], where[1],
                new Tag("outcome", event.outcome().name())).update(Duration.ofMillis(event.latencyMs()));
        if (event.timeToFirstTokenMs() != null) {
            timer(FIRST_TOKEN, "Time to the first streamed chunk", where)
                    .update(Duration.ofMillis(event.timeToFirstTokenMs()));
        }
        int retries = MetricLabels.retries(event.attemptLog());
        if (retries > 0) {
            counter(RETRIES, "Upstream calls that retried a deployment already tried",
                    new Tag("route", route)).inc(retries);
        }
        if (event.fallbacks() > 0) {
            counter(FALLBACKS, "Requests answered by another deployment after a failure",
                    new Tag("route", route)).inc(event.fallbacks());
        }
    }

    @Override
    public void succeeded(Deployment deployment, Duration latency) {
        attempt(deployment, "success");
    }

    @Override
    public void failed(Deployment deployment, LlmProviderException error) {
        attempt(deployment, "failure");
        String provider = MetricLabels.provider(providers.providers(), deployment.providerId());
        counter(ERRORS, "Upstream errors by provider and kind", new Tag("provider", provider),
                new Tag("kind", error.kind().name())).inc();
    }

    private void attempt(Deployment deployment, String outcome) {
        List<ProviderDefinition> configured = providers.providers();
        String provider = MetricLabels.provider(configured, deployment.providerId());
        String model = MetricLabels.model(configured, deployment.providerId(), deployment.model().id());
        counter(ATTEMPTS, "Upstream calls by provider, model and outcome",
                new Tag("provider", provider), new Tag("model", model), new Tag("outcome", outcome)).inc();
        watchBreaker(deployment, provider, model);
    }

    /**
     * Exposes the circuit breakers as one gauge per catalog deployment ({@code 0} closed, {@code 1} half-open,
     * {@code 2} open), read at scrape time.
     */
    public void watchBreakers(BreakerRegistry breakers) {
        this.breakers = breakers;
    }

    /** Exposes the usage writer's backlog and losses, read at scrape time. */
    public void watchUsageQueue(LongSupplier depth, LongSupplier dropped) {
        registry.gauge(meta("llm.usage.queue.depth", "Usage records waiting to be written"), depth,
                LongSupplier::getAsLong);
        registry.gauge(meta("llm.usage.dropped", "Usage records dropped because the queue was full"), dropped,
                LongSupplier::getAsLong);
    }

    /**
     * Exposes how often Redis could not be asked: requests decided on this instance's own limits and budgets
     * (fail-open) and requests refused (fail-closed), read at scrape time.
     */
    public void watchSharedState(LongSupplier fallbacks, LongSupplier refusals) {
        registry.gauge(meta("llm.redis.fallbacks", "Requests admitted on this instance's own limits and budgets"
                + " because Redis was unreachable (fail-open)"), fallbacks, LongSupplier::getAsLong);
        registry.gauge(meta("llm.redis.refusals", "Requests refused because Redis was unreachable (fail-closed)"),
                refusals, LongSupplier::getAsLong);
    }

    private void watchBreaker(Deployment deployment, String provider, String model) {
        BreakerRegistry watched = breakers;
        if (watched == null || MetricLabels.OTHER.equals(provider) || MetricLabels.OTHER.equals(model)
                || !watchedBreakers.add(deployment.key())) {
            return;
        }
        CircuitBreaker breaker = watched.forDeployment(deployment);
        registry.gauge(meta("llm.breaker.state", "Circuit breaker per deployment: 0 closed, 1 half-open, 2 open"),
                breaker, b -> switch (b.state()) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                }, new Tag("provider", provider), new Tag("model", model));
    }

    private AtomicReference<BigDecimal> cost(String provider, String model) {
        return costs.computeIfAbsent(List.of(provider, model), key -> {
            AtomicReference<BigDecimal> sum = new AtomicReference<>(BigDecimal.ZERO);
            // a gauge because MicroProfile counters count whole numbers; the value only ever grows
            registry.gauge(Metadata.builder().withName(COST).withDescription("Cost in US dollars, exact sum")
                    .build(), sum, s -> s.get().doubleValue(), new Tag("provider", provider), new Tag("model", model));
            return sum;
        });
    }

    private Counter counter(String name, String description, Tag... tags) {
        return counters.computeIfAbsent(key(name, tags), k -> registry.counter(meta(name, description), tags));
    }

    private Timer timer(String name, String description, Tag... tags) {
        return timers.computeIfAbsent(key(name, tags), k -> registry.timer(Metadata.builder().withName(name)
                .withDescription(description).withUnit(MetricUnits.SECONDS).build(), tags));
    }

    private static List<Object> key(String name, Tag... tags) {
        Object[] key = new Object[tags.length * 2 + 1];
        key[0] = name;
        for (int i = 0; i < tags.length; i++) {
            key[2 * i + 1] = tags[i].getTagName();
            key[2 * i + 2] = tags[i].getTagValue();
        }
        return List.of(key);
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
