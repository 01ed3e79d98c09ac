package io.circuitbreaker.llm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCalculatorTest {

    private static final Map<String, ModelDefinition> MODELS = CatalogReader.defaultCatalog().stream()
            .flatMap(p -> p.models().stream())
            .collect(Collectors.toMap(ModelDefinition::id, Function.identity()));

    /** The design document's table for a 100-token input / 50-token output request, exact to the digit. */
    @ParameterizedTest
    @CsvSource({
        "gemini-1.5-flash,           0.0000225",
        "gemini-pro,                 0.000125",
        "claude-3-haiku-20240307,    0.0000875",
        "gpt-3.5-turbo,              0.0002",
        "gemini-1.5-pro,             0.000875",
        "claude-3-5-sonnet-20241022, 0.00105",
        "gpt-4o,                     0.00125",
        "gpt-4,                      0.006"
    })
    void seedCostTableFor100InAnd50Out(String model, String expected) {
        Cost cost = CostCalculator.cost(MODELS.get(model), 100, 50).orElseThrow();
        assertEquals(new BigDecimal(expected), cost.total(), "scale and value must both match");
        assertEquals(expected, cost.total().toPlainString());
    }

    @Test
    void inputAndOutputPartsAddUp() {
        Cost cost = CostCalculator.cost(MODELS.get("gpt-4o"), 100, 50).orElseThrow();
        assertEquals(new BigDecimal("0.0005"), cost.input());
        assertEquals(new BigDecimal("0.00075"), cost.output());
    }

    @Test
    void largeCountsStayExact() {
        Cost cost = CostCalculator.cost(MODELS.get("gemini-1.5-flash"), 1_000_000_000L, 1).orElseThrow();
        assertEquals(new BigDecimal("75.0000003"), cost.total());
    }

    @Test
    void zeroTokensCostZero() {
        assertEquals(BigDecimal.ZERO, CostCalculator.cost(MODELS.get("gpt-4"), 0, 0).orElseThrow().total());
    }

    @Test
    void unpricedModelHasNoCostRatherThanAGuess() {
        ModelDefinition local = new ModelDefinition("llama3", "Llama 3", 2048, 8192, null, null, true, false,
                List.of());
        assertTrue(CostCalculator.cost(local, 100, 50).isEmpty());
    }

    @Test
    void cachedInputIsPricedSeparatelyWhenTheCatalogHasAPrice() {
        ModelDefinition cached = new ModelDefinition("m", "M", 1, 1000, new BigDecimal("0.000002"),
                new BigDecimal("0.000008"), true, true, List.of(), new BigDecimal("0.0000005"));
        Cost cost = CostCalculator.cost(cached, 1000, 10, 800).orElseThrow();
        // 200 × 0.000002 + 800 × 0.0000005 = 0.0004 + 0.0004
        assertEquals(new BigDecimal("0.0008"), cost.input());
        assertEquals(new BigDecimal("0.00008"), cost.output());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> CostCalculator.cost(MODELS.get("gpt-4"), 10, -1));
        assertThrows(IllegalArgumentException.class, () -> CostCalculator.cost(MODELS.get("gpt-4"), 10, 1, 11));
    }
}
