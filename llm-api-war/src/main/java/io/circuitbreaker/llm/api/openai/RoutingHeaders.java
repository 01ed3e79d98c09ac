package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.Deployment;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The response headers that show callers how the gateway routed their request: which provider and model answered,
 * how many upstream calls it took, and how much time the gateway itself added (total time minus the upstream calls,
 * as LiteLLM's overhead header reports it).
 */
public final class RoutingHeaders {

    static final String REQUEST_ID = "x-request-id";
    static final String PROVIDER = "x-llm-provider";
    static final String PROVIDER_TYPE = "x-llm-provider-type";
    static final String MODEL = "x-llm-model";
    static final String ROUTE = "x-llm-route";
    static final String ATTEMPTS = "x-llm-attempts";
    static final String OVERHEAD = "x-llm-overhead-ms";
    /** Streams only: from the request to the first chunk, retries and fallbacks included. */
    static final String TIME_TO_FIRST_CHUNK = "x-llm-time-to-first-chunk-ms";

    /** Every header above, for CORS to expose to scripts in the browser. */
    public static final List<String> ALL = List.of(REQUEST_ID, PROVIDER, PROVIDER_TYPE, MODEL, ROUTE, ATTEMPTS,
            OVERHEAD, TIME_TO_FIRST_CHUNK);

    private RoutingHeaders() {
    }

    static void deployment(HttpServletResponse response, Deployment deployment, String route) {
        response.setHeader(PROVIDER, deployment.providerId());
        response.setHeader(PROVIDER_TYPE, deployment.type().wireName());
        response.setHeader(MODEL, deployment.model().id());
        if (route != null) {
            response.setHeader(ROUTE, route);
        }
    }

    static void attempts(HttpServletResponse response, List<Attempt> attempts, long totalMs) {
        response.setHeader(ATTEMPTS, Integer.toString(attempts.size()));
        long upstreamMs = attempts.stream().mapToLong(Attempt::latencyMs).sum();
        response.setHeader(OVERHEAD, Long.toString(Math.max(0, totalMs - upstreamMs)));
    }
}
