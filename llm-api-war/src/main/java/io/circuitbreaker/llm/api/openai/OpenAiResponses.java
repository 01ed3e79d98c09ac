package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers and OpenAI error answers to a servlet response. */
public final class OpenAiResponses {

    private OpenAiResponses() {
    }

    public static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.getOutputStream().write(prepareJson(response, status, body));
    }

    /** As {@link #error(HttpServletResponse, OpenAiError)}, with the headers the failure's kind calls for. */
    public static void error(HttpServletResponse response, Throwable failure) throws IOException {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof RateLimitExceededException limited) {
            limited.snapshot().headers().forEach(response::setHeader);
        } else if (cause instanceof GatewayException gateway && gateway.error() == GatewayError.BUDGET_EXCEEDED) {
            // the OpenAI SDKs retry every 429 unless told not to; waiting does not refill a budget
            response.setHeader("x-should-retry", "false");
        }
        error(response, OpenAiErrorMapper.map(cause));
    }

    public static void error(HttpServletResponse response, OpenAiError error) throws IOException {
        response.getOutputStream().write(prepareError(response, error));
    }

    /** Sets the error's status and headers and returns its body, for a caller that writes the body itself. */
    public static byte[] prepareError(HttpServletResponse response, OpenAiError error) {
        if (error.status() == 413) {
            // the rest of an oversized body was never read: end the connection rather than read it to reuse it
            response.setHeader("Connection", "close");
        }
        if (error.retryAfterSeconds() != null) {
            response.setHeader("retry-after", Long.toString(error.retryAfterSeconds()));
        }
        return prepareJson(response, error.status(), error.toJson());
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
