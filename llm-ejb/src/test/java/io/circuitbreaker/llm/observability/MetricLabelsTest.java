package io.circuitbreaker.llm.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricLabelsTest {

    private final List<ProviderDefinition> catalog = CatalogReader.defaultCatalog();

    @Test
    void configuredProvidersAndCatalogModelsKeepTheirNames() {
        assertEquals("openai", MetricLabels.provider(catalog, "openai"));
        assertEquals("gpt-4o", MetricLabels.model(catalog, "openai", "gpt-4o"));
    }

    @Test
    void anythingElseIsOtherSoCallersCannotCreateTimeSeries() {
        assertEquals("other", MetricLabels.provider(catalog, "made-up"));
        assertEquals("other", MetricLabels.model(catalog, "openai", "gpt-4o-typo"));
        assertEquals("other", MetricLabels.model(catalog, "anthropic", "gpt-4o"), "a model of another provider");
        assertEquals("none", MetricLabels.provider(catalog, null));
        assertEquals("none", MetricLabels.model(catalog, "openai", null));
        assertEquals("none", MetricLabels.route(null));
    }

    @Test
    void retriesAreTheTriesBeyondTheFirstAtEachDeployment() {
        assertEquals(0, MetricLabels.retries(null));
        assertEquals(0, MetricLabels.retries("openai/gpt-4o#1:SUCCEEDED"));
        assertEquals(2, MetricLabels.retries("p/m#1:UNAVAILABLE(503),p/m#2:UNAVAILABLE(503),p/m#3:UNAVAILABLE(500),"
                + "q/llama3.1:8b#1:SUCCEEDED"));
        assertEquals(1, MetricLabels.retries("p/m#1:RATE_LIMITED(429),p/m#2:SUCCEEDED"));
    }
}
