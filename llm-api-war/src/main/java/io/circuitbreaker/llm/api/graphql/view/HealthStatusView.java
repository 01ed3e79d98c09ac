package io.circuitbreaker.llm.api.graphql.view;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A provider's health as the design document's {@code healthStatus { isHealthy lastCheck }} shows it. */
@Type("LlmProviderHealthStatus")
@Description("Whether the gateway can route to this provider now.")
public class HealthStatusView {

    private final boolean healthy;
    private final String lastCheck;
    private final boolean apiKeyConfigured;
    private final String reason;
    private final List<BreakerView> breakers;

    public HealthStatusView(boolean healthy, String lastCheck, boolean apiKeyConfigured, String reason,
            List<BreakerView> breakers) {
        this.healthy = healthy;
        this.lastCheck = lastCheck;
        this.apiKeyConfigured = apiKeyConfigured;
        this.reason = reason;
        this.breakers = List.copyOf(breakers);
    }

    @Name("isHealthy")
    @Description("True unless the key is missing, the latest health probe or real request failed, or every "
            + "deployment's circuit breaker is open.")
    public boolean isHealthy() {
        return healthy;
    }

    @Description("When the background monitor last probed the provider (ISO-8601, UTC); null while no probe has "
            + "run (a provider without its key is never probed).")
    public String getLastCheck() {
        return lastCheck;
    }

    @Description("Whether the provider's API key resolves through configuration (the key itself is never shown).")
    public boolean isApiKeyConfigured() {
        return apiKeyConfigured;
    }

    @Description("Why the provider is unhealthy; null when healthy.")
    public String getReason() {
        return reason;
    }

    @NonNull
    @Description("Circuit breakers of the provider's deployments that have seen traffic.")
    public List<@NonNull BreakerView> getBreakers() {
        return breakers;
    }
}
