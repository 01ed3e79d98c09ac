package io.circuitbreaker.llm.api.health;

import io.circuitbreaker.llm.shared.FailureMode;
import io.circuitbreaker.llm.shared.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis, the store the instances share limits and budgets in. It takes a replica out of the load balancer only when
 * the gateway is set to fail closed: then an instance without Redis refuses limited keys' requests, and traffic is
 * better sent to one that has it. Failing open (the default), an instance without Redis still serves, so it stays
 * ready and the check only reports what it sees.
 */
@Readiness
@ApplicationScoped
public class SharedStateReadinessCheck implements HealthCheck {

    @Inject
    SharedRedis redis;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("redis");
        if (!redis.configured()) {
            return response.up().withData("configured", false).build();
        }
        boolean reachable = redis.reachable();
        FailureMode mode = redis.failureMode();
        boolean ready = switch (mode) {
            case OPEN -> true;
            case CLOSED -> reachable;
        };
        // never the URL: it may hold a password
        return response.status(ready).withData("configured", true).withData("reachable", reachable)
                .withData("failureMode", mode.name().toLowerCase(Locale.ROOT)).build();
    }
}
