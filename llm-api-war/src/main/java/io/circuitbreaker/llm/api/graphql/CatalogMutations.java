package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.view.CatalogImportView;
import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.litellm.LiteLlmPriceMapReader;
import io.circuitbreaker.llm.catalog.litellm.PriceMap;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import io.circuitbreaker.llm.registry.importing.CatalogMerge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Catalog maintenance: importing a price map in LiteLLM's format. Admin only. */
@GraphQLApi
@ApplicationScoped
public class CatalogMutations {

    private static final Logger LOG = Logger.getLogger(CatalogMutations.class.getName());

    @Inject
    ProviderRegistry registry;

    @Inject
    Caller caller;

    @Mutation("importCatalog")
    @Description("Applies a price map in LiteLLM's model_prices_and_context_window.json format: its openai, "
            + "anthropic and gemini entries (and entries whose litellm_provider is a configured provider's id) update "
            + "the prices and capabilities of known models and add missing ones. Prices an operator set are kept "
            + "unless overwriteOperatorPrices. A malformed document is refused whole: nothing changes.")
    public @NonNull CatalogImportView importCatalog(
            @NonNull @Name("json") @Description("The price map document (JSON text).") String json,
            @Name("overwriteOperatorPrices") @DefaultValue("false")
            @Description("Replace prices an operator set through configureLlmProvider too.")
            boolean overwriteOperatorPrices,
            @Name("addMissing") @DefaultValue("true") @Description("Add models the providers do not list yet.")
            boolean addMissing,
            @Name("dryRun") @DefaultValue("false") @Description("Report what would change; change nothing.")
            boolean dryRun) throws GatewayGraphQLException {
        caller.requireAdmin("importCatalog");
        try {
            PriceMap map = LiteLlmPriceMapReader.read(json, LocalDate.now(ZoneOffset.UTC));
            CatalogDiff diff = registry.importPriceMap(map,
                    new CatalogMerge.Options(overwriteOperatorPrices, addMissing), dryRun);
            LOG.info(() -> (dryRun ? "Price map dry run: " : "Price map imported: ") + diff.added().size()
                    + " models added, " + diff.changed().size() + " changed, " + diff.ignored().size()
                    + " entries ignored");
            return new CatalogImportView(diff, dryRun);
        } catch (CatalogFormatException e) {
            throw GatewayGraphQLException.validation("the price map was refused, nothing was changed: "
                    + e.getMessage());
        }
    }
}
