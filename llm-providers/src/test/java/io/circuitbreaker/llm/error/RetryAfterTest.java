package io.circuitbreaker.llm.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-08-20T11:55:54Z");

    private static Optional<Duration> of(Map<String, String> headers) {
        return RetryAfter.from(headers::get, NOW);
    }

    @Test
    void millisecondsWinOverSeconds() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), of(Map.of("retry-after-ms", "1500", "retry-after", "7")));
    }

    @Test
    void secondsAndFractions() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), of(Map.of("retry-after", "7")));
        assertEquals(Optional.of(Duration.ofMillis(2500)), of(Map.of("retry-after", "2.5")));
    }

    @Test
    void httpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                of(Map.of("retry-after", "Wed, 20 Aug 2025 11:56:24 GMT")));
    }

    @ParameterizedTest
    @CsvSource({"6ms, 6", "1s, 1000", "6m0s, 360000", "1h30m, 5400000", "0.5s, 500", "2m30.5s, 150500"})
    void openAiResetDurations(String value, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), RetryAfter.goDuration(value, NOW));
    }

    @Test
    void openAiExhaustedLimitDecides() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), of(Map.of(
                "x-ratelimit-remaining-requests", "9999", "x-ratelimit-reset-requests", "6ms",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "20s")));
    }

    @Test
    void anthropicResetInstants() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), of(Map.of(
                "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2025-08-20T11:56:04Z",
                "anthropic-ratelimit-tokens-remaining", "5000",
                "anthropic-ratelimit-tokens-reset", "2025-08-20T11:57:00Z")));
    }

    @Test
    void garbageAndAbsenceGiveNothing() {
        assertEquals(Optional.empty(), of(Map.of("retry-after", "soon")));
        assertEquals(Optional.empty(), of(Map.of()));
    }

    @Test
    void instantsInThePastMeanNoWait() {
        assertEquals(Optional.of(Duration.ZERO), of(Map.of("anthropic-ratelimit-tokens-reset", "2020-01-01T00:00:00Z")));
    }
}
