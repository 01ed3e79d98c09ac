package io.circuitbreaker.llm.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShippedCatalogUpgradeTest {

    private static final List<ProviderDefinition> SHIPPED = CatalogReader.defaultCatalog();

    /** A database seeded by the first release: the design's eight models and nothing remembered as offered. */
    private static List<ProviderDefinition> firstRelease() {
        Set<String> seed = Set.of("gpt-4o", "gpt-4", "gpt-3.5-turbo", "claude-3-5-sonnet-20241022",
                "claude-3-haiku-20240307", "gemini-1.5-pro", "gemini-1.5-flash", "gemini-pro");
        return SHIPPED.stream().map(p -> new ProviderDefinition(p.id(), p.providerType(), p.name(), p.baseUrl(),
                p.apiKeyId(), p.models().stream().filter(m -> seed.contains(m.id())).toList())).toList();
    }

    @Test
    void anOlderDatabaseGainsTheModelsThisReleaseShips() {
        List<ProviderDefinition> before = firstRelease();
        ShippedCatalogUpgrade.Plan plan = ShippedCatalogUpgrade.plan(SHIPPED, before, Set.of(), "v2");
        CatalogMerge.Result result = CatalogMerge.merge(before, plan.incoming(), List.of(),
                new CatalogMerge.Options(false, true));
        int shippedModels = SHIPPED.stream().mapToInt(p -> p.models().size()).sum();
        assertEquals(shippedModels - 8, result.diff().added().size());
        assertEquals(shippedModels, result.providers().stream().mapToInt(p -> p.models().size()).sum());
        assertEquals(shippedModels, plan.settings().size(), "every shipped model is remembered as offered");
        assertTrue(plan.settings().containsKey("catalog.shipped.openai/gpt-4o"));
    }

    @Test
    void aModelAnOperatorRemovedAfterItWasOfferedIsNotAddedAgain() {
        ProviderDefinition openai = SHIPPED.get(0);
        ModelDefinition removed = openai.models().get(1);
        List<ProviderDefinition> before = List.of(new ProviderDefinition(openai.id(), openai.providerType(),
                openai.name(), openai.baseUrl(), openai.apiKeyId(),
                openai.models().stream().filter(m -> m != removed).toList()));
        Set<String> offered = SHIPPED.stream().flatMap(p -> p.models().stream()
                .map(m -> ShippedCatalogUpgrade.SHIPPED + p.id() + "/" + m.id())).collect(Collectors.toSet());
        ShippedCatalogUpgrade.Plan plan = ShippedCatalogUpgrade.plan(SHIPPED, before, offered, "v3");
        assertTrue(plan.incoming().stream().noneMatch(i -> i.model().id().equals(removed.id())
                && i.providerId().equals("openai")));
        CatalogMerge.Result result = CatalogMerge.merge(before, plan.incoming(), List.of(),
                new CatalogMerge.Options(false, true));
        assertTrue(result.diff().added().isEmpty());
    }
}
