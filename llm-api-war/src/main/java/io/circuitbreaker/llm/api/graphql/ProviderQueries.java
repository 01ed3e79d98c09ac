package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.registry.ProviderRegistry;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Read access to the provider catalog. */
@GraphQLApi
@ApplicationScoped
public class ProviderQueries {

    @Inject
    ProviderRegistry registry;

    @Query("llmProviders")
    @Description("Every configured provider with its models and prices.")
    public @NonNull List<@NonNull ProviderView> llmProviders() {
        return registry.providers().stream().map(ProviderView::new).toList();
    }
}
