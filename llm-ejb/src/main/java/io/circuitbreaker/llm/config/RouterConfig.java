package io.circuitbreaker.llm.config;

import org.eclipse.microprofile.config.Config;

/**
 * The router's settings from MicroProfile Config, prefix {@code llm.router} (env {@code LLM_ROUTER_...}).
 *
 * <p>Read through {@link Config} rather than a {@code @ConfigProperties} mapping: in an EAR, Open Liberty registers
 * such mappings for the module that declares them but resolves them with the calling web module's configuration,
 * which fails ("SRCFG00027: Could not find a mapping").
 *
 * @param defaultProvider         provider type for models no rule recognises; {@code none} turns the fallback off
 *                                ({@code default-provider}, default anthropic as in the design document)
 * @param attemptsPerDeployment   calls to one deployment before the next candidate ({@code attempts-per-deployment}, 2)
 * @param backoffBaseMs           first backoff ceiling, doubling per attempt ({@code backoff-base-ms}, 250)
 * @param backoffMaxMs            backoff ceiling ({@code backoff-max-ms}, 4000)
 * @param maxRetryAfterMs         a provider's retry-after is honoured up to this; longer moves on
 *                                ({@code max-retry-after-ms}, 10000)
 * @param routeAroundClientErrors whether invalid-request, context-length and content-filter errors try the next
 *                                candidate ({@code route-around-client-errors}, false)
 */
public record RouterConfig(String defaultProvider, int attemptsPerDeployment, long backoffBaseMs, long backoffMaxMs,
        long maxRetryAfterMs, boolean routeAroundClientErrors) {

    private static final String PREFIX = "llm.router.";

    public static RouterConfig from(Config config) {
        return new RouterConfig(
                config.getOptionalValue(PREFIX + "default-provider", String.class).orElse("anthropic"),
                config.getOptionalValue(PREFIX + "attempts-per-deployment", Integer.class).orElse(2),
                config.getOptionalValue(PREFIX + "backoff-base-ms", Long.class).orElse(250L),
                config.getOptionalValue(PREFIX + "backoff-max-ms", Long.class).orElse(4000L),
                config.getOptionalValue(PREFIX + "max-retry-after-ms", Long.class).orElse(10_000L),
                config.getOptionalValue(PREFIX + "route-around-client-errors", Boolean.class).orElse(false));
    }
}
