package io.circuitbreaker.llm.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CostComparisonTest {

    /** The design document's eight models; the catalog lists today's models beside them. */
    private static final Set<String> SEED = Set.of("gemini-1.5-flash", "claude-3-haiku-20240307", "gemini-pro",
            "gpt-3.5-turbo", "gemini-1.5-pro", "claude-3-5-sonnet-20241022", "gpt-4o", "gpt-4");

    /** The design document's table for 100 input / 50 output tokens, exact, cheapest first (among the seed's). */
    @Test
    void reproducesTheSeedTableExactly() {
        List<CostComparison.Row> rows = CostComparison.compare(CatalogReader.defaultCatalog(), 100, 50);
        assertEquals(List.of(
                "gemini-1.5-flash 0.0000225",
                "claude-3-haiku-20240307 0.0000875",
                "gemini-pro 0.000125",
                "gpt-3.5-turbo 0.0002",
                "gemini-1.5-pro 0.000875",
                "claude-3-5-sonnet-20241022 0.00105",
                "gpt-4o 0.00125",
                "gpt-4 0.006"),
                rows.stream().filter(r -> SEED.contains(r.model().id()))
                        .map(r -> r.model().id() + " " + r.cost().orElseThrow().total().toPlainString()).toList());
        assertEquals(new BigDecimal("0.0000225"), rows.get(0).cost().orElseThrow().total());
        assertEquals("google", rows.get(0).providerType());
    }

    @Test
    void unpricedModelsComeLastWithoutAFigure() {
        List<ProviderDefinition> providers = new ArrayList<>(CatalogReader.defaultCatalog());
        providers.add(new ProviderDefinition("ollama", ProviderType.OPENAI_COMPATIBLE, "Ollama",
                "http://localhost:11434/v1", null, List.of(new ModelDefinition("llama3", "Llama 3", 2048, 8192,
                        null, null, true, false, List.of()))));
        List<CostComparison.Row> rows = CostComparison.compare(providers, 100, 50);
        assertEquals("llama3", rows.get(rows.size() - 1).model().id());
        assertTrue(rows.get(rows.size() - 1).cost().isEmpty());
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CostComparison.compare(List.of(), -1, 0));
    }
}
