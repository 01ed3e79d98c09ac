package io.circuitbreaker.llm.config;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Circuit-breaker thresholds from MicroProfile Config, prefix {@code llm.breaker} (env {@code LLM_BREAKER_...}). */
@ConfigProperties(prefix = "llm.breaker")
public class BreakerConfig {

    @ConfigProperty(name = "consecutive-failures", defaultValue = "5")
    public int consecutiveFailures;

    @ConfigProperty(name = "failure-ratio", defaultValue = "0.5")
    public double failureRatio;

    @ConfigProperty(name = "window", defaultValue = "20")
    public int window;

    @ConfigProperty(name = "minimum-calls", defaultValue = "10")
    public int minimumCalls;

    @ConfigProperty(name = "open-ms", defaultValue = "30000")
    public long openMs;
}
