package io.circuitbreaker.llm.api.graphql.keys;

import io.circuitbreaker.llm.access.BudgetStatus;
import io.circuitbreaker.llm.access.GatewayKey;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A gateway key without its secret. */
@Type("ApiKey")
@Description("A gateway key. The secret is never shown again after createApiKey; prefix tells keys apart.")
public class ApiKeyView {

    private final GatewayKey key;
    private final BudgetStatus budgetStatus;
    private final Integer cacheTtlSeconds;

    public ApiKeyView(GatewayKey key, BudgetStatus budgetStatus, Integer cacheTtlSeconds) {
        this.key = key;
        this.budgetStatus = budgetStatus;
        this.cacheTtlSeconds = cacheTtlSeconds;
    }

    public @NonNull String getId() {
        return key.id();
    }

    public @NonNull String getName() {
        return key.name();
    }

    @Description("admin or client.")
    public @NonNull String getRole() {
        return key.role().roleName();
    }

    @Description("The first characters of the secret.")
    public @NonNull String getPrefix() {
        return key.prefix();
    }

    public @NonNull String getCreatedAt() {
        return key.createdAt().toString();
    }

    public String getRevokedAt() {
        return key.revokedAt() == null ? null : key.revokedAt().toString();
    }

    public boolean isActive() {
        return key.isActive();
    }

    public Integer getRequestsPerMinute() {
        return key.limits().requestsPerMinute();
    }

    public Integer getTokensPerMinute() {
        return key.limits().tokensPerMinute();
    }

    @Description("Seconds an answer to this key stays in the response cache; null when the key did not opt in.")
    public Integer getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    @Description("The budget and its spend; null when the key has no budget.")
    public BudgetView getBudget() {
        return budgetStatus == null ? null : new BudgetView(budgetStatus);
    }
}
