package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.input.ProviderConfigInput;
import io.circuitbreaker.llm.api.graphql.view.ProviderView;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.registry.InvalidConfigurationException;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Provider configuration: the design document's {@code configureLlmProvider}, and removal. */
@GraphQLApi
@ApplicationScoped
public class ProviderMutations {

    private static final Logger LOG = Logger.getLogger(ProviderMutations.class.getName());

    @Inject
    ProviderRegistry registry;

    @Inject
    ProviderStatus status;

    @Inject
    Caller caller;

    @Mutation("configureLlmProvider")
    @Description("Creates or updates a provider (found by id, else by name and type) and stores it; effective for "
            + "the next request and kept across restarts.")
    public @NonNull ProviderView configureLlmProvider(@NonNull @Name("input") ProviderConfigInput input)
            throws GatewayGraphQLException {
        caller.requireAdmin("configureLlmProvider");
        ProviderDefinition provider;
        try {
            provider = registry.configure(input.toConfiguration());
        } catch (InvalidConfigurationException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
        LOG.info(() -> "Provider configured: " + provider.id() + " (" + provider.providerType().wireName() + ", "
                + provider.models().size() + " models)");
        return new ProviderView(provider, status.of(provider));
    }

    @Mutation("removeLlmProvider")
    @Description("Removes a provider; it stays removed across restarts. Returns false when there was none.")
    public boolean removeLlmProvider(@NonNull @Name("id") String id) throws GatewayGraphQLException {
        caller.requireAdmin("removeLlmProvider");
        boolean removed = registry.remove(id);
        if (removed) {
            LOG.info(() -> "Provider removed: " + io.circuitbreaker.llm.error.Secrets.redact(id));
        }
        return removed;
    }
}
