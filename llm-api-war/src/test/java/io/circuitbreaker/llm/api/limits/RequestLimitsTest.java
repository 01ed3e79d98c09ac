package io.circuitbreaker.llm.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        RequestLimits limits = RequestLimits.from(config(Map.of()));

        assertEquals(RequestLimits.DEFAULTS, limits);
        assertEquals(20 * 1024 * 1024, limits.maxBodyBytes());
        assertEquals(2048, limits.maxMessages());
        assertEquals(20 * 1024 * 1024, limits.graphqlMaxBodyBytes());
        assertEquals(15, limits.graphqlMaxDepth());
        assertEquals(500, limits.graphqlMaxFields());
        assertEquals(100_000, limits.graphqlMaxQueryChars());
        assertEquals(5, limits.graphqlMaxChatCompletions());
    }

    @Test
    void everyLimitIsConfigurable() {
        RequestLimits limits = RequestLimits.from(config(Map.of("llm.limits.max-body-bytes", 1000,
                "llm.limits.max-messages", 10, "llm.limits.graphql-max-body-bytes", 2000,
                "llm.limits.graphql-max-depth", 5, "llm.limits.graphql-max-fields", 50,
                "llm.limits.graphql-max-query-length", 3000, "llm.limits.graphql-max-chat-completions", 2)));

        assertEquals(new RequestLimits(1000, 10, 2000, 5, 50, 3000, 2), limits);
    }

    @Test
    void graphqlBodyLimitFollowsTheBodyLimitUnlessSetItself() {
        assertEquals(1000, RequestLimits.from(config(Map.of("llm.limits.max-body-bytes", 1000)))
                .graphqlMaxBodyBytes());
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestLimits.from(config(Map.of("llm.limits.max-messages", 0))));

        assertTrue(e.getMessage().contains("llm.limits.max-messages"), e::getMessage);
    }

    /** A Config that knows only {@code getOptionalValue}, which is all RequestLimits may use. */
    private static Config config(Map<String, Integer> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (self, method, args) -> {
                    if (method.getName().equals("getOptionalValue") && args[1] == Integer.class) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
