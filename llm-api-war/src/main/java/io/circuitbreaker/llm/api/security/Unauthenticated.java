package io.circuitbreaker.llm.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The 401 answer, in the shape the caller's client reads: Anthropic's error object ({@code authentication_error}) on
 * Anthropic's endpoints ({@code /v1/messages...}), OpenAI's error object elsewhere on {@code /v1}, a GraphQL error
 * with {@code extensions.code} on {@code /graphql}. The presented key is never echoed.
 */
final class Unauthenticated {

    static final String MISSING = "No gateway key was provided. Send it as 'Authorization: Bearer <key>' "
            + "(or 'x-api-key: <key>'). Admins create keys with the createApiKey mutation.";
    static final String INVALID = "The gateway key is not valid: it is unknown or has been revoked.";

    private Unauthenticated() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, boolean missing) {
        String message = missing ? MISSING : INVALID;
        String path = request.getRequestURI().substring(Math.min(request.getRequestURI().length(),
                request.getContextPath().length()));
        String body;
        if (path.startsWith("/graphql")) {
            body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"UNAUTHORIZED\"}}]}";
        } else if (path.equals("/v1/messages") || path.startsWith("/v1/messages/")) {
            // the Anthropic SDKs read this as their AuthenticationError
            body = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"" + message
                    + "\"}}";
        } else {
            body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,"
                    + "\"code\":" + (missing ? "null" : "\"invalid_api_key\"") + "}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"llm-gateway\"");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            // the client has gone; the status is all it would have read
        }
    }
}
