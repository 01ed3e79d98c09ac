package io.circuitbreaker.llm.api.security;

import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.access.KeyCache;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates the OpenAI-compatible API ({@code /v1/*}) by gateway key, as the Jakarta Security mechanism does for
 * GraphQL, with the same key store and the same 401 answers.
 *
 * <p>Why a filter here and the container's mechanism there: the data plane needs only the key (every role may chat
 * and list models), and a container login costs Open Liberty about a millisecond of CPU per request: each one builds
 * a Subject through JAAS and signs an LTPA token with RSA, which API clients never send back (benchmark run 6 in
 * docs/performance.md: throughput fell fourfold). GraphQL, where roles decide, keeps the container's roles.
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class ApiKeyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute that holds the authenticated {@link GatewayKey}. */
    public static final String CALLER = ApiKeyFilter.class.getName() + ".caller";

    @Inject
    transient KeyCache keys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response); // CORS preflights carry no credentials
            return;
        }
        String presented = PresentedKey.of(request);
        Optional<GatewayKey> key = presented == null ? Optional.empty() : keys.authenticate(presented);
        if (key.isEmpty()) {
            Unauthenticated.send(request, response, presented == null);
            return;
        }
        request.setAttribute(CALLER, key.get());
        chain.doFilter(request, response);
    }

    /** The key the filter authenticated this request with. */
    public static GatewayKey caller(HttpServletRequest request) {
        return (GatewayKey) request.getAttribute(CALLER);
    }
}
