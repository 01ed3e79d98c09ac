package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.error.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * A failure as Anthropic reports it: {@code {"type":"error","error":{"type":...,"message":...},"request_id":...}}
 * with the HTTP status, and the seconds to wait when a wait helps ({@code retry-after}).
 *
 * @param status            HTTP status
 * @param type              Anthropic's error type, e.g. {@code invalid_request_error}
 * @param message           for the caller; key-looking text is redacted
 * @param retryAfterSeconds seconds before a retry can succeed, or {@code null}
 * @param shouldRetry       {@code false} when retrying cannot help though the status suggests it (a spent budget):
 *                          sent as {@code x-should-retry}, which the Anthropic SDKs obey; {@code null}: not sent
 */
record AnthropicError(int status, String type, String message, Long retryAfterSeconds, Boolean shouldRetry) {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    AnthropicError {
        message = message == null ? "the request failed" : Secrets.redact(message);
    }

    AnthropicError(int status, String type, String message) {
        this(status, type, message, null, null);
    }

    /** A method the endpoint does not take: 405, sent with {@code Allow}. */
    static AnthropicError methodNotAllowed(String method, String path) {
        return new AnthropicError(405, "invalid_request_error", "Method " + InvalidAnthropicRequest.excerpt(method)
                + " is not allowed on " + path);
    }

    /** The error object; {@code request_id} when known, as Anthropic sends it. */
    JsonObject toJson(String requestId) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("type", "error")
                .add("error", JSON.createObjectBuilder().add("type", type).add("message", message));
        if (requestId != null) {
            body.add("request_id", requestId);
        }
        return body.build();
    }
}
