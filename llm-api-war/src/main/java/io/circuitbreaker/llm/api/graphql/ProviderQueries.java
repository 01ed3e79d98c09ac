package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.view.CostRowView;
import io.circuitbreaker.llm.api.graphql.view.HealthStatusView;
import io.circuitbreaker.llm.api.graphql.view.ModelView;
import io.circuitbreaker.llm.api.graphql.view.ProviderView;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.cost.CostComparison;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Read access to the providers, their models and prices, and their health. */
@GraphQLApi
@ApplicationScoped
public class ProviderQueries {

    static final long MAX_TOKENS_FOR_COMPARISON = 1_000_000_000L;

    @Inject
    ProviderRegistry registry;

    @Inject
    ProviderStatus status;

    @Query("llmProviders")
    @Description("Every configured provider with its models and prices.")
    public @NonNull List<@NonNull ProviderView> llmProviders() {
        return registry.providers().stream().map(this::view).toList();
    }

    @Query("llmProvider")
    @Description("One provider by id; null when there is none.")
    public ProviderView llmProvider(@NonNull @Name("id") String id) {
        return registry.provider(id).map(this::view).orElse(null);
    }

    @Query("llmModels")
    @Description("Models across providers, optionally only those of one provider (id or type) or with a capability.")
    public @NonNull List<@NonNull ModelView> llmModels(
            @Name("provider") @Description("Provider id or type, e.g. openai.") String provider,
            @Name("capability") @Description("Capability tag, e.g. vision.") String capability) {
        Optional<ProviderType> type = ProviderType.parse(provider);
        return registry.providers().stream()
                .filter(p -> provider == null || p.id().equals(provider) || type.map(t -> t == p.providerType())
                        .orElse(false))
                .flatMap(p -> p.models().stream()
                        .filter(m -> capability == null || m.hasCapability(capability))
                        .map(m -> new ModelView(p, m)))
                .toList();
    }

    @Query("costComparison")
    @Description("What a request of this size costs on every model, cheapest first; unpriced models last.")
    public @NonNull List<@NonNull CostRowView> costComparison(@NonNull @Name("inputTokens") Long inputTokens,
            @NonNull @Name("outputTokens") Long outputTokens) throws GatewayGraphQLException {
        if (inputTokens < 0 || outputTokens < 0 || inputTokens > MAX_TOKENS_FOR_COMPARISON
                || outputTokens > MAX_TOKENS_FOR_COMPARISON) {
            throw GatewayGraphQLException.validation("inputTokens and outputTokens must be between 0 and "
                    + MAX_TOKENS_FOR_COMPARISON);
        }
        return CostComparison.compare(registry.providers(), inputTokens, outputTokens).stream()
                .map(CostRowView::new).toList();
    }

    @Query("providerHealth")
    @Description("Health of every provider: key configured, circuit breakers, last probe.")
    public @NonNull List<@NonNull ProviderView> providerHealth() {
        return llmProviders();
    }

    private ProviderView view(ProviderDefinition provider) {
        HealthStatusView health = status.of(provider);
        return new ProviderView(provider, health);
    }
}
