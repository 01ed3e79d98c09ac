package io.circuitbreaker.llm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog's embedding models: list prices per million input tokens, and cost = input tokens × input price. */
class EmbeddingCatalogTest {

    private static final Map<String, ModelDefinition> MODELS = CatalogReader.defaultCatalog().stream()
            .flatMap(p -> p.models().stream())
            .collect(Collectors.toMap(ModelDefinition::id, Function.identity()));

    @ParameterizedTest
    @CsvSource({
        // model, USD per 1M input tokens, cost of 1,234 input tokens (exact)
        "text-embedding-3-small, 0.02, 0.00002468",
        "text-embedding-3-large, 0.13, 0.00016042",
        "text-embedding-ada-002, 0.1,  0.0001234",
        "gemini-embedding-001,   0.15, 0.0001851"
    })
    void embeddingCostIsInputTokensTimesTheInputPrice(String id, String perMillion, String expected) {
        ModelDefinition model = MODELS.get(id);
        assertEquals(new BigDecimal(perMillion), model.costPerInputToken().multiply(BigDecimal.valueOf(1_000_000))
                .stripTrailingZeros());
        Cost cost = CostCalculator.cost(model, 1_234, 0).orElseThrow();
        assertEquals(expected, cost.total().toPlainString());
        assertEquals(BigDecimal.ZERO, cost.output());
    }

    @Test
    void embeddingModelsAreEmbeddingOnlyAndChatModelsAreNot() {
        for (String id : new String[] {"text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002",
            "gemini-embedding-001"}) {
            assertTrue(MODELS.get(id).embeddingOnly(), id);
            assertTrue(MODELS.get(id).hasCapability(ModelDefinition.EMBEDDINGS), id);
        }
        // ada-002 has a fixed size; the text-embedding-3 and Gemini models take dimensions
        assertFalse(MODELS.get("text-embedding-ada-002").hasCapability(ModelDefinition.EMBEDDING_DIMENSIONS));
        assertTrue(MODELS.get("text-embedding-3-small").hasCapability(ModelDefinition.EMBEDDING_DIMENSIONS));
        assertFalse(MODELS.get("gpt-4o").embeddingOnly());
        assertFalse(MODELS.get("gpt-4o").hasCapability(ModelDefinition.EMBEDDINGS));
    }
}
