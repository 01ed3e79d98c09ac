package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.access.RateLimitExceededException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers and Anthropic error answers to a servlet response. */
final class AnthropicResponses {

    /** Anthropic's own request id header, which its SDKs show in errors; the gateway's id goes into it. */
    static final String REQUEST_ID = "request-id";

    private AnthropicResponses() {
    }

    static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.getOutputStream().write(prepareJson(response, status, body));
    }

    /** The failure as Anthropic's error answer, with the headers its kind calls for. */
    static void error(HttpServletResponse response, Throwable failure, String requestId) throws IOException {
        response.getOutputStream().write(prepareError(response, failure, requestId));
    }

    static void error(HttpServletResponse response, AnthropicError error, String requestId) throws IOException {
        response.getOutputStream().write(prepareError(response, error, requestId));
    }

    /** Sets the failure's status and headers and returns its body, for a caller that writes the body itself. */
    static byte[] prepareError(HttpServletResponse response, Throwable failure, String requestId) {
        RateLimitExceededException limited = AnthropicErrorMapper.rateLimit(failure);
        if (limited != null) {
            limited.snapshot().headers().forEach(response::setHeader);
        }
        return prepareError(response, AnthropicErrorMapper.map(failure), requestId);
    }

    static byte[] prepareError(HttpServletResponse response, AnthropicError error, String requestId) {
        if (error.status() == 413) {
            // the rest of an oversized body was never read: end the connection rather than read it to reuse it
            response.setHeader("Connection", "close");
        }
        if (error.retryAfterSeconds() != null) {
            response.setHeader("retry-after", Long.toString(error.retryAfterSeconds()));
        }
        if (error.shouldRetry() != null) {
            response.setHeader("x-should-retry", error.shouldRetry().toString());
        }
        return prepareJson(response, error.status(), error.toJson(requestId));
    }

    private static byte[] prepareJson(HttpServletResponse response, int status, JsonObject body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        return bytes;
    }
}
