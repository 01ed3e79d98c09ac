package io.circuitbreaker.llm.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteDefinition.Candidate;
import io.circuitbreaker.llm.routing.RouteStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteConfigurationsTest {

    private static final List<String> TWO = List.of("openai/gpt-4o", "anthropic/claude-3-5-sonnet-20241022");

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "fallback, FALLBACK",
            "CHEAPEST, CHEAPEST",
            "Fastest, FASTEST",
            "'  weighted ', WEIGHTED"})
    void strategyIsReadInAnyCase(String written, RouteStrategy expected) {
        assertEquals(expected, RouteConfigurations.build("smart", written, TWO, null).strategy());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void absentStrategyMeansFallback(String strategy) {
        assertEquals(RouteStrategy.FALLBACK, RouteConfigurations.build("smart", strategy, TWO, null).strategy());
    }

    @Test
    void candidatesKeepTheirOrderAndWeights() {
        RouteDefinition route = RouteConfigurations.build("balanced", "weighted", TWO, List.of(3, 1));

        assertEquals(new RouteDefinition("balanced", RouteStrategy.WEIGHTED,
                List.of(new Candidate("openai/gpt-4o", 3), new Candidate("anthropic/claude-3-5-sonnet-20241022", 1))),
                route);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void absentWeightsAreAllOne(List<Integer> weights) {
        RouteDefinition route = RouteConfigurations.build("smart", "fallback", TWO, weights);

        assertEquals(List.of(1, 1), route.candidates().stream().map(Candidate::weight).toList());
    }

    @Test
    void candidateReferencesAreTrimmed() {
        RouteDefinition route = RouteConfigurations.build("smart", null, List.of(" gpt-4o "), null);

        assertEquals(List.of(new Candidate("gpt-4o", 1)), route.candidates());
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"fast", "team-a.chat", "gpt-4o:latest", "A_1"})
    void namesMayUseLettersDigitsDotsUnderscoresColonsAndDashes(String name) {
        assertEquals(name, RouteConfigurations.build(name, null, TWO, null).name());
    }

    static Stream<Arguments> invalidRoutes() {
        return Stream.of(
                Arguments.of("name with '/'", "openai/smart", "fallback", TWO, null, "name must be 1 to 128"),
                Arguments.of("blank name", " ", "fallback", TWO, null, "name must be 1 to 128"),
                Arguments.of("absent name", null, "fallback", TWO, null, "name must be 1 to 128"),
                Arguments.of("unknown strategy", "smart", "round_robin", TWO, null,
                        "unknown strategy \"round_robin\"; use one of fallback, cheapest, fastest, weighted"),
                Arguments.of("no candidates", "smart", "fallback", List.of(), null, "candidates must name at least"),
                Arguments.of("absent candidates", "smart", "fallback", null, null, "candidates must name at least"),
                Arguments.of("candidate with ','", "smart", "fallback", List.of("a,b"), null, "each candidate"),
                Arguments.of("candidate with '*'", "smart", "fallback", List.of("gpt-4o*2"), null, "each candidate"),
                Arguments.of("null candidate", "smart", "fallback", Arrays.asList("gpt-4o", null), null,
                        "each candidate"),
                Arguments.of("fewer weights than candidates", "smart", "weighted", TWO, List.of(1),
                        "weights must have one entry per candidate (2), not 1"),
                Arguments.of("more weights than candidates", "smart", "weighted", TWO, List.of(1, 2, 3),
                        "weights must have one entry per candidate (2), not 3"),
                Arguments.of("weight 0", "smart", "weighted", TWO, List.of(0, 1), "each weight must be between"),
                Arguments.of("negative weight", "smart", "weighted", TWO, List.of(2, -1),
                        "each weight must be between"),
                Arguments.of("null weight", "smart", "weighted", TWO, Arrays.asList(2, null),
                        "each weight must be between"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRoutes")
    void invalidRouteIsRejectedNamingTheField(String label, String name, String strategy, List<String> candidates,
            List<Integer> weights, String problem) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RouteConfigurations.build(name, strategy, candidates, weights));

        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.getMessage().startsWith(problem), e::getMessage);
    }

    @Test
    void severalProblemsAreReportedTogether() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RouteConfigurations.build("a/b", "random", List.of(), List.of(1)));

        assertEquals(4, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.problems().get(0).startsWith("name "));
        assertTrue(e.problems().get(1).startsWith("unknown strategy "));
        assertTrue(e.problems().get(2).startsWith("candidates "));
        assertTrue(e.problems().get(3).startsWith("weights "));
    }

    @Test
    void unknownStrategyThatLooksLikeAKeyIsNotRepeated() {
        String keyLike = "sk-" + "abcdefghij".repeat(2);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RouteConfigurations.build("smart", keyLike, TWO, null));

        assertTrue(e.getMessage().startsWith("unknown strategy \"[REDACTED]\""), e::getMessage);
    }
}
