package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the monitor needs from its surroundings, as plain functions, so the same code runs in the container and in
 * unit tests with fake probes, a fake timer and a fake clock.
 *
 * @param providers    the providers configured now
 * @param keys         a provider's key when it resolves; empty when not configured
 * @param keyRequired  whether a provider cannot be called without a key (an OpenAI-compatible server may need none)
 * @param probe        the token-free probe
 * @param probeTimeout how long a provider's probe may take
 * @param cache        where results go
 * @param timer        for the probe schedule and the timeouts
 * @param clock        the time
 * @param random       for jitter
 * @param settings     interval, jitter, concurrency
 * @param coordination whether this instance probes a provider this round or adopts another instance's result
 */
public record HealthWiring(Supplier<List<ProviderDefinition>> providers,
        Function<ProviderDefinition, Optional<String>> keys, Function<ProviderDefinition, Boolean> keyRequired,
        ProbeFunction probe, Function<ProviderDefinition, Duration> probeTimeout, HealthCache cache, Timer timer,
        Supplier<Instant> clock, RandomGenerator random, HealthSettings settings, ProbeCoordination coordination) {

    /** A single instance's wiring: it probes every provider itself. */
    public HealthWiring(Supplier<List<ProviderDefinition>> providers,
            Function<ProviderDefinition, Optional<String>> keys, Function<ProviderDefinition, Boolean> keyRequired,
            ProbeFunction probe, Function<ProviderDefinition, Duration> probeTimeout, HealthCache cache, Timer timer,
            Supplier<Instant> clock, RandomGenerator random, HealthSettings settings) {
        this(providers, keys, keyRequired, probe, probeTimeout, cache, timer, clock, random, settings,
                ProbeCoordination.local(ProbeCoordination.thisInstance()));
    }
}
