package io.circuitbreaker.llm.api.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routing headers never carry a control character (#16: a model named with CR/LF made the container refuse the
 * {@code x-llm-model} header after the status was set, leaving an empty 200), whatever the value's origin.
 */
class RoutingHeadersTest {

    // a method source: CSV would take CR and LF for the end of a row
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("gpt-4o", "gpt-4o"),
                Arguments.of("ollama/llama3.1:8b", "ollama/llama3.1:8b"),
                Arguments.of("a b", "a b"),
                Arguments.of("100%", "100%25"),
                Arguments.of("caf\u00e9", "caf%C3%A9"),
                Arguments.of("gpt-4o\r\nX-Injected: 1", "gpt-4o%0D%0AX-Injected: 1"),
                Arguments.of("tab\there", "tab%09here"),
                Arguments.of("nul\u0000", "nul%00"),
                Arguments.of("del\u007f", "del%7F"),
                Arguments.of("nel\u0085", "nel%C2%85"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("values")
    void headerValueEncodesWhatAHeaderCannotCarry(String value, String expected) {
        assertEquals(expected, RoutingHeaders.headerValue(value));
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"claude-x\r\nSet-Cookie: a=b", "model\n", "\r"})
    void deploymentHeadersHoldNoControlCharacter(String model) {
        FakeHttp.Response response = new FakeHttp.Response();
        Deployment passthrough = new Deployment("anthropic\r\n", ProviderType.ANTHROPIC, "https://api.anthropic.com",
                "anthropic", Deployment.passthroughModel(model), false, 1);

        RoutingHeaders.deployment(response.proxy(), passthrough, "route\n");

        assertNoControlCharacters(response.headers());
        assertTrue(response.header("x-llm-model").contains("%0"), () -> response.headers().toString());
    }

    static void assertNoControlCharacters(Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(value -> assertTrue(
                value.chars().noneMatch(Character::isISOControl), () -> name + ": " + value)));
    }
}
