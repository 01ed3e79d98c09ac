package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.routing.TrafficObserver;
import io.circuitbreaker.llm.routing.Deployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Passive health: real traffic updates the cached status between probes. A success shows the provider answering; a
 * retryable failure (5xx, overload, timeout, connection, malformed answer) shows it failing. A rate limit is left
 * out: it says the gateway's quota is spent, not that the provider is down, and the breaker already counts it.
 * Client errors (bad request, context length, content filter) say nothing about the provider. One map update per
 * call, so the request path does not slow down.
 */
@ApplicationScoped
public class PassiveHealth implements TrafficObserver {

    private HealthCache cache;
    private Supplier<Instant> clock;

    protected PassiveHealth() {
        // for CDI proxies
    }

    @Inject
    public PassiveHealth(HealthCache cache) {
        this(cache, Instant::now);
    }

    PassiveHealth(HealthCache cache, Supplier<Instant> clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public void succeeded(Deployment deployment, Duration latency) {
        cache.recordTraffic(deployment.providerId(), new Observation(true, clock.get(), latency.toMillis(), null));
    }

    @Override
    public void failed(Deployment deployment, LlmProviderException error) {
        if (!countsForHealth(error.kind())) {
            return;
        }
        String message = "request to " + deployment.key() + " failed: " + error.kind()
                + (error.httpStatus() > 0 ? " (HTTP " + error.httpStatus() + ")" : "") + ": " + error.getMessage();
        cache.recordTraffic(deployment.providerId(), new Observation(false, clock.get(), null,
                Secrets.redact(message)));
    }

    static boolean countsForHealth(ErrorKind kind) {
        return kind.retryable() && kind != ErrorKind.RATE_LIMITED;
    }
}
