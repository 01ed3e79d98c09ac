package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.failure.GatewayException;

/**
 * Which status and OpenAI error a failure becomes. The caller's own mistakes are 4xx; an upstream that failed, timed
 * out or rejected the gateway's key is the gateway's problem towards its caller, so 502/503/504 (a 401 from the
 * upstream must not read as "your key is wrong" to an SDK that holds the gateway's key).
 */
public final class OpenAiErrorMapper {

    private OpenAiErrorMapper() {
    }

    public static OpenAiError map(Throwable failure) {
        if (Failures.unwrap(failure) instanceof InvalidOpenAiRequest invalid) {
            // this front door's own reading of the body: OpenAI's codes and parameter names
            return new OpenAiError(invalid.status(), "invalid_request_error", invalid.code(), invalid.param(),
                    invalid.getMessage(), null);
        }
        GatewayException failed = GatewayException.of(failure);
        Long retryAfter = failed.retryAfter().map(Failures::retryAfterSeconds).orElse(null);
        String message = failed.getMessage();
        return switch (failed.error()) {
            case INVALID_REQUEST -> new OpenAiError(400, "invalid_request_error", null, null, message, null);
            case KEY_REJECTED -> new OpenAiError(401, "invalid_request_error", "invalid_api_key", null, message,
                    null);
            // OpenAI's own shape for its per-key limits: the type names the limit that was hit
            case RATE_LIMITED -> new OpenAiError(429, failed instanceof RateLimitExceededException limited
                    && limited.limit() == RateLimitExceededException.Limit.TOKENS ? "tokens" : "requests",
                    "rate_limit_exceeded", null, message, retryAfter);
            case BUDGET_EXCEEDED -> new OpenAiError(429, "insufficient_quota", "insufficient_quota", null, message,
                    null);
            case UNKNOWN_MODEL -> new OpenAiError(404, "invalid_request_error", "model_not_found", "model", message,
                    null);
            case NO_CAPABLE_MODEL -> new OpenAiError(400, "invalid_request_error", "no_capable_model", "model",
                    message, null);
            case ALL_BREAKERS_OPEN -> new OpenAiError(503, "service_unavailable", "upstream_unavailable", null,
                    message, null);
            // the gateway's own store of shared limits (Redis) is away and it is set to fail closed: temporary
            case SHARED_STATE_UNAVAILABLE -> new OpenAiError(503, "service_unavailable", "shared_state_unavailable",
                    null, message, retryAfter);
            // no upstream could be called at all, e.g. no key is configured for any candidate
            case NO_UPSTREAM -> new OpenAiError(503, "service_unavailable", "no_upstream_available", null, message,
                    null);
            case UPSTREAM -> upstream(failed.upstreamKind().orElse(ErrorKind.OTHER), message, retryAfter);
            case OTHER -> new OpenAiError(500, "api_error", "internal_error", null,
                    "the gateway failed to handle the request; see its log", null);
        };
    }

    static OpenAiError upstream(ErrorKind kind, String message, Long retryAfter) {
        return switch (kind) {
            case RATE_LIMITED -> new OpenAiError(429, "rate_limit_error", "rate_limit_exceeded", null, message,
                    retryAfter);
            // OpenAI's own shape (type and code insufficient_quota), so SDKs that stop retrying on it do so here too
            case QUOTA_EXHAUSTED -> new OpenAiError(429, "insufficient_quota", "insufficient_quota", null, message,
                    null);
            case MODEL_NOT_FOUND -> new OpenAiError(404, "invalid_request_error", "model_not_found", "model", message,
                    null);
            case CONTEXT_LENGTH_EXCEEDED -> new OpenAiError(400, "invalid_request_error", "context_length_exceeded",
                    "messages", message, null);
            case INVALID_REQUEST -> new OpenAiError(400, "invalid_request_error", null, null, message, null);
            case CONTENT_FILTERED -> new OpenAiError(400, "invalid_request_error", "content_filter", null, message,
                    null);
            case TIMEOUT -> new OpenAiError(504, "api_error", "upstream_timeout", null, message, null);
            case OVERLOADED, UNAVAILABLE -> new OpenAiError(503, "service_unavailable", "upstream_unavailable", null,
                    message, retryAfter);
            case AUTHENTICATION -> new OpenAiError(502, "api_error", "upstream_authentication_failed", null, message,
                    null);
            case CONNECTION, MALFORMED_RESPONSE, OTHER -> new OpenAiError(502, "api_error", "upstream_error", null,
                    message, null);
        };
    }
}
