package io.circuitbreaker.llm.api.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser protections for the console and GraphiQL. Both pages act with an admin key (revoke a key, change prices),
 * so no other site may frame them (clickjacking); the console's Content-Security-Policy also allows scripts, styles
 * and requests from the gateway only, so even injected markup could not load or send anything elsewhere. GraphiQL,
 * a third-party bundle, gets the framing and base restrictions without the script policy it was not written for.
 * The files are revalidated on each load ({@code no-cache}), so an upgraded gateway never runs an old script.
 */
@WebFilter(urlPatterns = {"/console/*", "/graphql-ui/*"})
public final class PageHeadersFilter extends HttpFilter {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String GRAPHIQL_POLICY = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/console") ? CONSOLE_POLICY : GRAPHIQL_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        if (path.endsWith("/")) {
            // The page itself, forwarded here rather than by the container's welcome-file lookup: asked with an h2c
            // upgrade (curl --http2, Java's HttpClient), Open Liberty 26.0.0.3 answered a welcome file with
            // 101 Switching Protocols and then nothing, and the client waited until its timeout.
            request.getRequestDispatcher(path + "index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
