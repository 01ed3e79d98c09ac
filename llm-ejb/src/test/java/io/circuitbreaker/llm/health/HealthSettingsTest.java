package io.circuitbreaker.llm.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

    @Test
    void defaultsAreThirtySecondsATenthOfJitterAndFourProbes() {
        HealthSettings settings = HealthSettings.from(name -> Optional.empty());
        assertEquals(Duration.ofSeconds(30), settings.interval());
        assertEquals(Duration.ofSeconds(3), settings.jitter());
        assertEquals(4, settings.concurrency());
    }

    @Test
    void durationsAreReadAsOperatorsWriteThem() {
        assertEquals(Duration.ofSeconds(10), HealthSettings.parse("x", "10s"));
        assertEquals(Duration.ofMillis(500), HealthSettings.parse("x", "500ms"));
        assertEquals(Duration.ofMinutes(2), HealthSettings.parse("x", "2m"));
        assertEquals(Duration.ofSeconds(45), HealthSettings.parse("x", "PT45S"));
        assertEquals(Duration.ofSeconds(15), HealthSettings.parse("x", "15"));
        assertThrows(IllegalArgumentException.class, () -> HealthSettings.parse("x", "soon"));
    }

    @Test
    void explicitSettingsWin() {
        Map<String, String> config = Map.of("llm.health.interval", "1m", "llm.health.jitter", "0s",
                "llm.health.max-concurrent-probes", "2");
        HealthSettings settings = HealthSettings.from(name -> Optional.ofNullable(config.get(name)));
        assertEquals(Duration.ofMinutes(1), settings.interval());
        assertEquals(Duration.ZERO, settings.jitter());
        assertEquals(2, settings.concurrency());
        assertThrows(IllegalArgumentException.class, () -> new HealthSettings(Duration.ZERO, null, 1));
    }
}
