package io.circuitbreaker.llm.catalog.litellm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader takes a real copy of LiteLLM's file whole (see SOURCE.md beside it). */
class RealPriceMapTest {

    private static final String FILE = "litellm-model-prices-2024-12.json";

    @Test
    void everyKeyOfTheRealFileIsEitherTakenOrIgnoredWithAReason() throws IOException {
        PriceMap map;
        try (InputStream in = RealPriceMapTest.class.getResourceAsStream(FILE)) {
            map = LiteLlmPriceMapReader.read(in, LocalDate.of(2026, 12, 5));
        }
        Set<String> keys;
        try (JsonReader reader = Json.createReader(RealPriceMapTest.class.getResourceAsStream(FILE))) {
            keys = reader.readObject().keySet();
        }
        Set<String> seen = new HashSet<>();
        map.entries().forEach(e -> assertTrue(seen.add(e.key()), e.key()));
        map.ignored().forEach(i -> assertTrue(seen.add(i.key()), i.key()));
        assertEquals(keys, seen);
        assertTrue(map.ignored().stream().allMatch(i -> !i.reason().isBlank()));
        assertTrue(map.entries().size() > 300, "most of the file is chat and embedding models");

        ModelDefinition gpt4o = map.entries().stream().filter(e -> e.key().equals("gpt-4o")).findFirst()
                .orElseThrow().model();
        assertEquals(new BigDecimal("0.000005"), gpt4o.costPerInputToken());
        assertEquals(new BigDecimal("0.000015"), gpt4o.costPerOutputToken());
        assertEquals(128000, gpt4o.contextWindow());
        assertTrue(gpt4o.hasCapability("vision"));
        PriceMapEntry gemini = map.entries().stream().filter(e -> e.key().equals("gemini/gemini-1.5-pro"))
                .findFirst().orElseThrow();
        assertEquals("gemini-1.5-pro", gemini.modelId());
        assertEquals(128000, gemini.model().pricing().longContextAbove());
    }
}
