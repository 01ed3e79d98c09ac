package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.resilience.CircuitBreaker;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A deployment's circuit breaker as GraphQL shows it. */
@Type("CircuitBreakerState")
@Description("The circuit breaker of one deployment (provider/model).")
public class BreakerView {

    private final String deployment;
    private final CircuitBreaker.Snapshot snapshot;

    public BreakerView(String deployment, CircuitBreaker.Snapshot snapshot) {
        this.deployment = deployment;
        this.snapshot = snapshot;
    }

    @NonNull
    @Description("provider/model")
    public String getDeployment() {
        return deployment;
    }

    @NonNull
    @Description("CLOSED (calls flow), OPEN (calls skipped until the cool-down ends) or HALF_OPEN (one trial call).")
    public String getState() {
        return snapshot.state().name();
    }

    @Description("When the breaker entered this state (ISO-8601, UTC).")
    public String getSince() {
        return snapshot.since() == null ? null : snapshot.since().toString();
    }

    @Description("Share of failed calls in the recent window, 0 to 1.")
    public double getFailureRatio() {
        return snapshot.failureRatio();
    }

    @Description("Failures in a row.")
    public int getConsecutiveFailures() {
        return snapshot.consecutiveFailures();
    }
}
