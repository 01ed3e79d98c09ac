package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.error.Secrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

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
record OpenAiError(int status, String type, String code, String param, String message, Long retryAfterSeconds) {

    OpenAiError {
        message = message == null ? "the request failed" : Secrets.redact(message);
    }

    JsonObject toJson() {
        JsonObjectBuilder error = Json.createObjectBuilder().add("message", message).add("type", type);
        error.add("param", param == null ? JsonValue.NULL : Json.createValue(param));
        error.add("code", code == null ? JsonValue.NULL : Json.createValue(code));
        return Json.createObjectBuilder().add("error", error).build();
    }
}
