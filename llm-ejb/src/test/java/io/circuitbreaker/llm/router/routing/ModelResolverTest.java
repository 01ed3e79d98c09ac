package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.routing.UnknownModelException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelResolverTest {

    private static final List<ProviderDefinition> CATALOG = CatalogReader.defaultCatalog();

    private static ModelResolver resolver(Map<String, RouteDefinition> routes, Optional<ProviderType> fallback) {
        return new ModelResolver(CATALOG, routes, fallback);
    }

    private final ModelResolver seedDefaults = resolver(Map.of(), Optional.of(ProviderType.ANTHROPIC));

    @Test
    void routeNameWinsAndKeepsCandidateOrderAndWeights() {
        RouteDefinition smart = new RouteDefinition("smart", RouteStrategy.FALLBACK, List.of(
                new RouteDefinition.Candidate("anthropic/claude-3-5-sonnet-20241022", 1),
                new RouteDefinition.Candidate("gpt-4o", 3)));
        Resolution r = resolver(Map.of("smart", smart), Optional.empty()).resolve("smart");
        assertEquals("smart", r.route());
        assertEquals(List.of("anthropic/claude-3-5-sonnet-20241022", "openai/gpt-4o"),
                r.candidates().stream().map(Deployment::key).toList());
        assertEquals(3, r.candidates().get(1).weight());
    }

    @Test
    void explicitProviderSlashModel() {
        Resolution r = seedDefaults.resolve("anthropic/claude-3-haiku-20240307");
        assertEquals("provider/model", r.how());
        Deployment d = r.candidates().get(0);
        assertEquals(ProviderType.ANTHROPIC, d.type());
        assertTrue(d.cataloged());
        assertNull(r.route());
    }

    @Test
    void explicitProviderWithAModelTheCatalogLacksIsPassedThroughUnpriced() {
        Deployment d = seedDefaults.resolve("openai/gpt-4.1-mini").candidates().get(0);
        assertEquals("gpt-4.1-mini", d.model().id());
        assertFalse(d.cataloged());
        assertFalse(d.model().isPriced());
    }

    @Test
    void catalogModelIdListsEveryProviderOfferingIt() {
        List<ProviderDefinition> twoOpenAis = new ArrayList<>(CATALOG);
        ProviderDefinition openai = CATALOG.get(0);
        twoOpenAis.add(new ProviderDefinition("openai-backup", ProviderType.OPENAI, "OpenAI backup",
                "https://backup.example/v1", "openai-backup", openai.models()));
        Resolution r = new ModelResolver(twoOpenAis, Map.of(), Optional.empty()).resolve("gpt-4o");
        assertEquals("catalog", r.how());
        assertEquals(List.of("openai/gpt-4o", "openai-backup/gpt-4o"),
                r.candidates().stream().map(Deployment::key).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-4.1, OPENAI", "o1-preview, OPENAI", "o3-mini, OPENAI", "o4-mini, OPENAI", "chatgpt-4o-latest, OPENAI",
        "claude-sonnet-4-20250514, ANTHROPIC", "gemini-2.5-flash, GOOGLE"
    })
    void seedNamingRules(String model, ProviderType expected) {
        Resolution r = resolver(Map.of(), Optional.empty()).resolve(model);
        assertEquals("naming rule", r.how());
        assertEquals(expected, r.candidates().get(0).type());
        assertEquals(model, r.candidates().get(0).model().id());
    }

    @Test
    void unknownModelGoesToTheDefaultProviderAsTheSeedSays() {
        Resolution r = seedDefaults.resolve("mistral-large");
        assertEquals("default provider", r.how());
        assertEquals(ProviderType.ANTHROPIC, r.candidates().get(0).type());
    }

    @Test
    void unknownModelWithoutDefaultNamesTheAvailableModels() {
        UnknownModelException e = assertThrows(UnknownModelException.class,
                () -> resolver(Map.of(), Optional.empty()).resolve("mistral-large"));
        assertTrue(e.getMessage().contains("unknown model \"mistral-large\""), e.getMessage());
        assertTrue(e.getMessage().contains("gpt-4o") && e.getMessage().contains("gemini-1.5-flash"), e.getMessage());
    }

    @Test
    void routeWithAnUnresolvableCandidateIsAnError() {
        RouteDefinition broken = new RouteDefinition("broken", RouteStrategy.FALLBACK,
                List.of(new RouteDefinition.Candidate("nobody/x", 1)));
        assertThrows(UnknownModelException.class,
                () -> resolver(Map.of("broken", broken), Optional.empty()).resolve("broken"));
    }
}
