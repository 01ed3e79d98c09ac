package io.circuitbreaker.llm.api.cors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The origins allowed to call the gateway from a browser, from MicroProfile Config {@code llm.cors.allowed-origins}
 * (env {@code LLM_CORS_ALLOWED_ORIGINS}): a comma-separated list such as
 * {@code https://app.example.com, http://localhost:3000}, or {@code *} for any origin. Empty, the default, turns CORS
 * off: no CORS header is ever sent and browsers keep other origins out.
 *
 * <p>Read through {@link Config} for the reason given on {@code io.circuitbreaker.llm.config.RouterConfig}.
 *
 * @param anyOrigin whether {@code *} was listed
 * @param origins   the origins listed, lower case, without a trailing slash
 */
public record CorsConfig(boolean anyOrigin, Set<String> origins) {

    public static final String ALLOWED_ORIGINS = "llm.cors.allowed-origins";

    public static final CorsConfig OFF = new CorsConfig(false, Set.of());

    public CorsConfig {
        origins = Set.copyOf(origins);
    }

    public static CorsConfig from(Config config) {
        return parse(config.getOptionalValue(ALLOWED_ORIGINS, String.class).orElse(""));
    }

    /** The setting's value as written: commas between origins, spaces and trailing slashes allowed. */
    static CorsConfig parse(String value) {
        Set<String> listed = Arrays.stream(value.split(","))
                .map(String::trim)
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .map(origin -> origin.toLowerCase(Locale.ROOT))
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toSet());
        boolean any = listed.remove("*");
        return new CorsConfig(any, listed);
    }

    public boolean enabled() {
        return anyOrigin || !origins.isEmpty();
    }

    /**
     * Whether a request from {@code origin} may read the answer. {@code *} does not cover the origin {@code null}
     * (sandboxed frames, files opened in the browser), which any page can make itself have: list it to allow it.
     */
    public boolean allows(String origin) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        return origins.contains(normalized) || (anyOrigin && !normalized.equals("null"));
    }
}
