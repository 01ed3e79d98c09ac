package io.circuitbreaker.llm.api.relay;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.cache.CacheDirective;
import io.circuitbreaker.llm.cache.CacheOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The response headers that show callers how the gateway routed their request: which provider and model answered,
 * how many upstream calls it took, and how much time the gateway itself added (total time minus the upstream calls,
 * as LiteLLM's overhead header reports it).
 */
public final class RoutingHeaders {

    public static final String REQUEST_ID = "x-request-id";
    public static final String PROVIDER = "x-llm-provider";
    public static final String PROVIDER_TYPE = "x-llm-provider-type";
    public static final String MODEL = "x-llm-model";
    public static final String ROUTE = "x-llm-route";
    public static final String ATTEMPTS = "x-llm-attempts";
    public static final String OVERHEAD = "x-llm-overhead-ms";
    /** Streams only: from the request to the first chunk, retries and fallbacks included. */
    public static final String TIME_TO_FIRST_CHUNK = "x-llm-time-to-first-chunk-ms";

    /**
     * {@code hit} or {@code miss} when the response cache applied to the request (absent when it did not); on a
     * request, the caller's cache directive ({@code use}, {@code no-cache}, {@code no-store}).
     */
    public static final String CACHE = "x-llm-cache";

    /** Every header above, for CORS to expose to scripts in the browser. */
    public static final List<String> ALL = List.of(REQUEST_ID, PROVIDER, PROVIDER_TYPE, MODEL, ROUTE, ATTEMPTS,
            OVERHEAD, TIME_TO_FIRST_CHUNK, CACHE);

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RoutingHeaders() {
    }

    public static void deployment(HttpServletResponse response, Deployment deployment, String route) {
        response.setHeader(PROVIDER, headerValue(deployment.providerId()));
        response.setHeader(PROVIDER_TYPE, deployment.type().wireName());
        response.setHeader(MODEL, headerValue(deployment.model().id()));
        if (route != null) {
            response.setHeader(ROUTE, headerValue(route));
        }
    }

    /**
     * {@code value} made safe for a header: control characters (CR and LF above all), {@code %} and anything outside
     * printable ASCII are percent-encoded as UTF-8. The parser already refuses control characters in the requested
     * model, but these values also come from configuration and from what a pass-through model is called; a CR/LF
     * reaching {@code setHeader} makes the container refuse the header after the status is set, which left an empty
     * 200 behind. Encoding rather than dropping keeps the header telling which model answered.
     */
    public static String headerValue(String value) {
        if (value == null || value.chars().allMatch(RoutingHeaders::plain)) {
            return value;
        }
        StringBuilder safe = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            if (c < 0x80 && plain(c)) {
                safe.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return safe.toString();
    }

    /** Printable ASCII other than {@code %}, which is encoded so that an encoded value reads back unambiguously. */
    private static boolean plain(int c) {
        return c >= 0x20 && c < 0x7F && c != '%';
    }

    /** The caller's cache headers, as sent: the chat service reads (and refuses) them, once for every front door. */
    public static CacheDirective cacheDirective(HttpServletRequest request) {
        return new CacheDirective(request.getHeader(CACHE), request.getHeader("cache-control"));
    }

    /** {@code x-llm-cache: hit|miss}, or nothing when the cache played no part. */
    public static void cache(HttpServletResponse response, CacheOutcome outcome) {
        if (outcome != null && outcome.headerValue() != null) {
            response.setHeader(CACHE, outcome.headerValue());
        }
    }

    public static void attempts(HttpServletResponse response, List<Attempt> attempts, long totalMs) {
        response.setHeader(ATTEMPTS, Integer.toString(attempts.size()));
        long upstreamMs = attempts.stream().mapToLong(Attempt::latencyMs).sum();
        response.setHeader(OVERHEAD, Long.toString(Math.max(0, totalMs - upstreamMs)));
    }
}
