package io.circuitbreaker.llm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteConfigReaderTest {

    @Test
    void readsRoutesWithStrategyCandidatesAndWeights() {
        Map<String, String> props = Map.of(
                "llm.routes", "smart, balanced",
                "llm.route.smart.strategy", "FALLBACK",
                "llm.route.smart.candidates", "anthropic/claude-3-5-sonnet-20241022, openai/gpt-4o",
                "llm.route.balanced.strategy", "weighted",
                "llm.route.balanced.candidates", "openai/gpt-4o,openai-eu/gpt-4o",
                "llm.route.balanced.weights", "3,1");
        Map<String, RouteDefinition> routes = RouteConfigReader.read(k -> Optional.ofNullable(props.get(k)));
        assertEquals(List.of("smart", "balanced"), List.copyOf(routes.keySet()));
        assertEquals(RouteStrategy.FALLBACK, routes.get("smart").strategy());
        assertEquals("openai/gpt-4o", routes.get("smart").candidates().get(1).model());
        assertEquals(List.of(3, 1), routes.get("balanced").candidates().stream()
                .map(RouteDefinition.Candidate::weight).toList());
    }

    @Test
    void noRoutesConfiguredMeansNone() {
        assertEquals(Map.of(), RouteConfigReader.read(k -> Optional.empty()));
    }

    @Test
    void badConfigurationIsReportedClearly() {
        Map<String, String> badStrategy = Map.of("llm.routes", "r", "llm.route.r.strategy", "random",
                "llm.route.r.candidates", "gpt-4o");
        assertThrows(IllegalArgumentException.class,
                () -> RouteConfigReader.read(k -> Optional.ofNullable(badStrategy.get(k))));
        Map<String, String> badWeights = Map.of("llm.routes", "r", "llm.route.r.candidates", "a,b",
                "llm.route.r.weights", "1");
        assertThrows(IllegalArgumentException.class,
                () -> RouteConfigReader.read(k -> Optional.ofNullable(badWeights.get(k))));
    }

    @Test
    void envNamesFollowMicroProfileConfigMapping() {
        assertEquals("OPENAI_KEY_1", ApiKeys.envName("openai-key-1"));
    }
}
