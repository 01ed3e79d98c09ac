package io.circuitbreaker.llm.api.cors;

import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CORS for {@code /v1/*} and {@code /graphql}, registered by {@link CorsRegistration} only when origins are
 * configured. A request from an allowed origin gets {@code Access-Control-Allow-Origin} (its own origin) and the
 * gateway's headers exposed; a preflight from one is answered here with 204, before authentication or the API see
 * it (a browser sends no credentials with a preflight). Another origin gets no CORS header, so the browser withholds
 * the answer, and its preflight a 403.
 */
public final class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String MAX_AGE_SECONDS = "600";

    /** What the OpenAI SDKs and GraphQL clients send besides the simple headers. */
    static final List<String> ALLOW_HEADERS = List.of("authorization", "content-type", "x-api-key", "x-request-id",
            "openai-organization", "openai-project");

    /** Further headers a preflight may ask for: others a browser client might add, SDK telemetry, x-llm-cache. */
    private static final Set<String> ALSO_ALLOWED = Set.of("accept", "accept-language", "content-language",
            "cache-control", "idempotency-key", "openai-beta", "x-llm-cache");
    private static final String ALSO_ALLOWED_PREFIX = "x-stainless-";
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9-]{1,64}");
    /** Header names echoed from one preflight at most. */
    private static final int MAX_REQUESTED_HEADERS = 32;

    static final String EXPOSE_HEADERS = String.join(", ", Stream.concat(
            Stream.of("retry-after", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
                    "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
                    "x-ratelimit-reset-tokens"),
            RoutingHeaders.ALL.stream()).toList());

    private final transient CorsConfig config;

    public CorsFilter(CorsConfig config) {
        this.config = config;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the answer differs by origin whatever the origin, so caches must key on it
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (!config.allows(origin)) {
            if (preflight) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if (preflight) {
            response.addHeader("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
            response.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
            response.setHeader("Access-Control-Allow-Headers",
                    allowedHeaders(request.getHeader("Access-Control-Request-Headers")));
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        chain.doFilter(request, response);
    }

    /** The standard list plus those the preflight asks for that are known to be harmless. */
    static String allowedHeaders(String requested) {
        Set<String> allowed = new LinkedHashSet<>(ALLOW_HEADERS);
        if (requested != null) {
            List<String> names = new ArrayList<>();
            for (String name : requested.split(",")) {
                String normalized = name.trim().toLowerCase(Locale.ROOT);
                if (names.size() < MAX_REQUESTED_HEADERS && HEADER_NAME.matcher(normalized).matches()
                        && (ALSO_ALLOWED.contains(normalized) || normalized.startsWith(ALSO_ALLOWED_PREFIX))) {
                    names.add(normalized);
                }
            }
            allowed.addAll(names);
        }
        return String.join(", ", allowed);
    }
}
