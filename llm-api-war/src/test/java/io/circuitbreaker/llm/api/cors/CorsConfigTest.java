package io.circuitbreaker.llm.api.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class CorsConfigTest {

    @Test
    void unsetIsOff() {
        CorsConfig config = CorsConfig.from(config(null));

        assertEquals(CorsConfig.OFF, config);
        assertFalse(config.enabled());
        assertFalse(config.allows("https://app.example.com"));
    }

    @Test
    void blankEntriesAreOffToo() {
        assertFalse(CorsConfig.parse(" , ,").enabled());
    }

    @Test
    void listedOriginsAreNormalised() {
        CorsConfig config = CorsConfig.from(config(" https://App.Example.com/ ,http://localhost:3000"));

        assertEquals(new CorsConfig(false, Set.of("https://app.example.com", "http://localhost:3000")), config);
        assertTrue(config.allows("https://app.example.com"));
        assertTrue(config.allows("HTTPS://APP.EXAMPLE.COM"));
        assertFalse(config.allows("https://app.example.com.evil.test"));
        assertFalse(config.allows("http://app.example.com"));
    }

    @Test
    void starAllowsAnyOriginButNull() {
        CorsConfig config = CorsConfig.parse("*");

        assertTrue(config.allows("https://anything.test"));
        assertFalse(config.allows("null"));
        assertTrue(CorsConfig.parse("*, null").allows("null"));
    }

    private static Config config(String origins) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (self, method, args) -> {
                    if (method.getName().equals("getOptionalValue") && args[0].equals(CorsConfig.ALLOWED_ORIGINS)) {
                        return Optional.ofNullable(origins);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
