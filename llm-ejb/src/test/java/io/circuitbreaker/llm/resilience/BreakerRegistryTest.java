package io.circuitbreaker.llm.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.resilience.CircuitBreaker.State;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Breakers for catalog deployments are kept; those for caller-named pass-through models are bounded (#16). */
class BreakerRegistryTest {

    private final BreakerRegistry registry = new BreakerRegistry(BreakerSettings.DEFAULTS,
            () -> Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void tenThousandDistinctPassthroughNamesLeaveABoundedNumberOfBreakers() {
        registry.forDeployment(cataloged("gpt-4o"));
        for (int i = 0; i < 10_000; i++) {
            registry.forDeployment(passthrough("claude-made-up-" + i)).onFailure();
        }

        Map<String, CircuitBreaker.Snapshot> snapshots = registry.snapshots();
        assertEquals(BreakerRegistry.MAX_PASSTHROUGH + 1, snapshots.size());
        assertTrue(snapshots.containsKey("openai/gpt-4o"), "a catalog deployment is never evicted");
        assertTrue(snapshots.containsKey("anthropic/claude-made-up-9999"), "the most recent names are kept");
    }

    @Test
    void aPassthroughModelInUseKeepsItsOpenBreaker() {
        Deployment failing = passthrough("claude-failing");
        for (int i = 0; i < BreakerSettings.DEFAULTS.consecutiveFailures(); i++) {
            registry.forDeployment(failing).onFailure();
        }
        for (int i = 0; i < 10 * BreakerRegistry.MAX_PASSTHROUGH; i++) {
            registry.forDeployment(passthrough("claude-other-" + i));
            // requested now and then, as a model in use is: it stays among the recently used
            if (i % (BreakerRegistry.MAX_PASSTHROUGH / 2) == 0) {
                assertEquals(State.OPEN, registry.forDeployment(failing).state());
            }
        }

        assertEquals(State.OPEN, registry.forDeployment(failing).state());
    }

    @Test
    void catalogAndPassthroughDeploymentsOfOneNameGetOneBreakerEach() {
        CircuitBreaker catalogBreaker = registry.forDeployment(cataloged("gpt-4o"));

        assertSame(catalogBreaker, registry.forDeployment("openai/gpt-4o"));
        assertSame(catalogBreaker, registry.forDeployment(cataloged("gpt-4o")));
        assertSame(registry.forDeployment(passthrough("x")), registry.forDeployment(passthrough("x")));
        assertNotSame(registry.forDeployment(passthrough("x")), registry.forDeployment(passthrough("y")));
    }

    @Test
    void theBoundIsSmallWithAMapOfItsOwn() {
        BreakerRegistry small = new BreakerRegistry(BreakerSettings.DEFAULTS, Instant::now, 3);
        for (String name : List.of("a", "b", "c", "d", "e")) {
            small.forDeployment(passthrough(name));
        }

        assertEquals(List.of("anthropic/c", "anthropic/d", "anthropic/e"), List.copyOf(small.snapshots().keySet()));
    }

    private static Deployment cataloged(String model) {
        return new Deployment("openai", ProviderType.OPENAI, "https://api.openai.com/v1", "openai",
                new ModelDefinition(model, model, 128_000, 16_384, null, null, true, true, List.of()), true, 1);
    }

    private static Deployment passthrough(String model) {
        return new Deployment("anthropic", ProviderType.ANTHROPIC, "https://api.anthropic.com", "anthropic",
                Deployment.passthroughModel(model), false, 1);
    }
}
