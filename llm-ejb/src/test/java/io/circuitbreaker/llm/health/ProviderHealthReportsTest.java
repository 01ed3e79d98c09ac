package io.circuitbreaker.llm.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.resilience.CircuitBreaker;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How cached probes, real traffic, breakers and keys combine into one provider's health. */
class ProviderHealthReportsTest {

    private final HealthCache cache = new HealthCache();
    private final Map<String, CircuitBreaker.Snapshot> breakers = new HashMap<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final PassiveHealth passive = new PassiveHealth(cache, now::get);
    private boolean keyConfigured = true;
    private final ProviderHealthReports reports = new ProviderHealthReports(p -> keyConfigured,
            p -> ProviderHealthReports.keyRequired(p.providerType()), cache::get, () -> breakers);

    private static final ModelDefinition M1 = new ModelDefinition("m1", "m1", 1000, 1000, null, null, true, true,
            List.of());
    private static final ModelDefinition M2 = new ModelDefinition("m2", "m2", 1000, 1000, null, null, true, true,
            List.of());
    private static final ProviderDefinition PROVIDER = new ProviderDefinition("p", ProviderType.OPENAI, "P",
            "https://api.example.test:8443/v1?key=abc", "k", List.of(M1, M2));

    @Test
    void notYetProbedIsUpWithoutALastCheck() {
        ProviderHealth health = reports.report(PROVIDER);
        assertTrue(health.healthy());
        assertNull(health.lastCheck());
        assertNull(health.latencyMs());
        assertEquals("api.example.test", health.baseUrlHost(), "the host only: a query may carry a key");
        assertEquals(Map.of("p/m1", "CLOSED", "p/m2", "CLOSED"), health.breakers());
    }

    @Test
    void aMissingKeyIsDown() {
        keyConfigured = false;
        ProviderHealth health = reports.report(PROVIDER);
        assertFalse(health.healthy());
        assertEquals("API key not configured", health.lastError());
        assertTrue(reports.report(new ProviderDefinition("local", ProviderType.OPENAI_COMPATIBLE, "L",
                "http://localhost:11434/v1", null, List.of())).healthy(), "a server that needs no key");
    }

    @Test
    void aFailedProbeIsDownUntilTrafficOrAProbeSucceeds() {
        cache.recordProbe("p", PROVIDER.baseUrl(), new Observation(false, now.get(), 40L, "HTTP 500: boom"));
        ProviderHealth down = reports.report(PROVIDER);
        assertFalse(down.healthy());
        assertEquals("HTTP 500: boom", down.lastError());
        assertEquals(40L, down.latencyMs());
        assertEquals(now.get(), down.lastCheck());

        now.set(now.get().plusSeconds(5));
        passive.succeeded(deployment(), Duration.ofMillis(300));
        ProviderHealth up = reports.report(PROVIDER);
        assertTrue(up.healthy(), "real traffic succeeded after the failed probe");
        assertEquals(now.get(), up.lastTraffic());
        assertEquals(down.lastCheck(), up.lastCheck(), "lastCheck stays the probe's time");
    }

    @Test
    void aRetryableTrafficFailureIsDownButARateLimitOrBadRequestIsNot() {
        cache.recordProbe("p", PROVIDER.baseUrl(), new Observation(true, now.get(), 10L, null));
        now.set(now.get().plusSeconds(1));
        passive.failed(deployment(), new RateLimitedException(ProviderType.OPENAI, 429, null, "slow down", null));
        passive.failed(deployment(), new InvalidRequestException(ProviderType.OPENAI, 400, null, "bad"));
        assertTrue(reports.report(PROVIDER).healthy());
        passive.failed(deployment(), new ProviderUnavailableException(ProviderType.OPENAI, 503, null,
                "upstream down, key sk-abcdef0123456789", false, null));
        ProviderHealth health = reports.report(PROVIDER);
        assertFalse(health.healthy());
        assertTrue(health.lastError().contains("UNAVAILABLE (HTTP 503)"), health.lastError());
        assertFalse(health.lastError().contains("sk-abcdef0123456789"), health.lastError());
    }

    @Test
    void everyDeploymentsBreakerOpenIsDown() {
        breakers.put("p/m1", new CircuitBreaker.Snapshot(CircuitBreaker.State.OPEN, now.get(), 1, 5, 5));
        assertTrue(reports.report(PROVIDER).healthy(), "m2 can still serve");
        breakers.put("p/m2", new CircuitBreaker.Snapshot(CircuitBreaker.State.OPEN, now.get(), 1, 5, 5));
        ProviderHealth health = reports.report(PROVIDER);
        assertFalse(health.healthy());
        assertEquals(ProviderHealth.ALL_BREAKERS_OPEN, health.lastError());
        assertEquals("OPEN", health.breakers().get("p/m2"));
    }

    @Test
    void aResultForAnotherBaseUrlIsNotShown() {
        cache.recordProbe("p", "http://old.test/v1", new Observation(false, now.get(), 1L, "old failure"));
        ProviderHealth health = reports.report(PROVIDER);
        assertTrue(health.healthy());
        assertNull(health.lastCheck());
    }

    private static Deployment deployment() {
        return new Deployment("p", ProviderType.OPENAI, PROVIDER.baseUrl(), "k", M1, true, 1);
    }
}
