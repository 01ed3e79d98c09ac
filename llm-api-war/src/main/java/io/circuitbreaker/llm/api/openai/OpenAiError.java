package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.error.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A failure as OpenAI reports it: {@code {"error": {"message", "type", "param", "code"}}} with the HTTP status, and
 * for rate limits the seconds to wait ({@code retry-after}).
 *
 * @param status            HTTP status
 * @param type              OpenAI's error type, e.g. {@code invalid_request_error}
 * @param code              OpenAI's error code, e.g. {@code model_not_found}; may be {@code null}
 * @param param             the offending parameter; may be {@code null}
 * @param message           for the caller; key-looking text is redacted
 * @param retryAfterSeconds seconds before a retry can succeed, or {@code null}
 */
public record OpenAiError(int status, String type, String code, String param, String message, Long retryAfterSeconds) {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    public OpenAiError {
        message = message == null ? "the request failed" : Secrets.redact(message);
    }

    /** A method the endpoint does not take: 405, sent with {@code Allow}. */
    public static OpenAiError methodNotAllowed(String method, String path) {
        return new OpenAiError(405, "invalid_request_error", "method_not_allowed", null,
                "Method " + InvalidOpenAiRequest.excerpt(method) + " is not allowed on " + path, null);
    }

    public JsonObject toJson() {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
        error.add("param", param == null ? JsonValue.NULL : JSON.createValue(param));
        error.add("code", code == null ? JsonValue.NULL : JSON.createValue(code));
        return JSON.createObjectBuilder().add("error", error).build();
    }
}
