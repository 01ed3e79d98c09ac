package io.circuitbreaker.llm.config;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The router's settings from MicroProfile Config, prefix {@code llm.router} (env {@code LLM_ROUTER_...}).
 */
@ConfigProperties(prefix = "llm.router")
public class RouterConfig {

    /** Provider type for models no rule recognises; {@code none} turns the fallback off. The seed's is anthropic. */
    @ConfigProperty(name = "default-provider", defaultValue = "anthropic")
    public String defaultProvider;

    /** Calls to one deployment before moving to the next candidate. */
    @ConfigProperty(name = "attempts-per-deployment", defaultValue = "2")
    public int attemptsPerDeployment;

    /** First backoff ceiling in ms; doubles per attempt (full jitter). */
    @ConfigProperty(name = "backoff-base-ms", defaultValue = "250")
    public long backoffBaseMs;

    /** Backoff ceiling in ms. */
    @ConfigProperty(name = "backoff-max-ms", defaultValue = "4000")
    public long backoffMaxMs;

    /** A provider's retry-after is honoured up to this many ms; longer moves on to the next candidate. */
    @ConfigProperty(name = "max-retry-after-ms", defaultValue = "10000")
    public long maxRetryAfterMs;

    /** Whether invalid-request, context-length and content-filter errors try the next candidate. */
    @ConfigProperty(name = "route-around-client-errors", defaultValue = "false")
    public boolean routeAroundClientErrors;
}
