package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.failure.GatewayException;

/**
 * Which status and Anthropic error type a failure becomes (Anthropic's table: 400 {@code invalid_request_error},
 * 401 {@code authentication_error}, 403 {@code permission_error}, 404 {@code not_found_error}, 413
 * {@code request_too_large}, 429 {@code rate_limit_error}, 500 {@code api_error}, 529 {@code overloaded_error}).
 * The caller's own mistakes are 4xx; an upstream that failed, timed out or rejected the gateway's key is the
 * gateway's problem towards its caller, so 5xx (an upstream 401 must not read as "your key is wrong" to an SDK that
 * holds the gateway's key).
 *
 * <p>Where Anthropic has no row: every breaker open is 529 {@code overloaded_error}, because it is exactly a
 * temporary shedding of load, and the SDKs and Claude Code wait and retry on it; no callable upstream at all (no key
 * configured) is 503 {@code api_error}, a configuration problem that is not "overloaded", answered with the status
 * the OpenAI door uses for it; a timeout is 504 and other upstream failures 502, both {@code api_error}.
 */
final class AnthropicErrorMapper {

    private AnthropicErrorMapper() {
    }

    static AnthropicError map(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof InvalidAnthropicRequest invalid) {
            return new AnthropicError(invalid.status(), invalid.type(), invalid.getMessage());
        }
        GatewayException failed = GatewayException.of(cause);
        Long retryAfter = failed.retryAfter().map(Failures::retryAfterSeconds).orElse(null);
        String message = failed.getMessage();
        return switch (failed.error()) {
            case INVALID_REQUEST, NO_CAPABLE_MODEL -> new AnthropicError(400, "invalid_request_error", message);
            case KEY_REJECTED -> new AnthropicError(401, "authentication_error", message);
            case RATE_LIMITED -> new AnthropicError(429, "rate_limit_error", message, retryAfter, null);
            // a 429 the SDKs would retry; waiting does not refill a budget
            case BUDGET_EXCEEDED -> new AnthropicError(429, "rate_limit_error", message, null, false);
            case UNKNOWN_MODEL -> new AnthropicError(404, "not_found_error", message);
            case ALL_BREAKERS_OPEN -> new AnthropicError(529, "overloaded_error", message, retryAfter, null);
            case NO_UPSTREAM -> new AnthropicError(503, "api_error", message);
            case SHARED_STATE_UNAVAILABLE -> new AnthropicError(503, "api_error", message, retryAfter, null);
            case UPSTREAM -> upstream(failed.upstreamKind().orElse(ErrorKind.OTHER), message, retryAfter);
            case OTHER -> new AnthropicError(500, "api_error", "the gateway failed to handle the request; see its "
                    + "log");
        };
    }

    static AnthropicError upstream(ErrorKind kind, String message, Long retryAfter) {
        return switch (kind) {
            case RATE_LIMITED -> new AnthropicError(429, "rate_limit_error", message, retryAfter, null);
            // Anthropic has no quota type; its 429 with x-should-retry: false, as for a spent budget (waiting
            // does not refill a quota either)
            case QUOTA_EXHAUSTED -> new AnthropicError(429, "rate_limit_error", message, null, false);
            case MODEL_NOT_FOUND -> new AnthropicError(404, "not_found_error", message);
            case CONTEXT_LENGTH_EXCEEDED, INVALID_REQUEST, CONTENT_FILTERED -> new AnthropicError(400,
                    "invalid_request_error", message);
            case TIMEOUT -> new AnthropicError(504, "api_error", message);
            case OVERLOADED -> new AnthropicError(529, "overloaded_error", message, retryAfter, null);
            case UNAVAILABLE -> new AnthropicError(503, "api_error", message, retryAfter, null);
            case AUTHENTICATION, CONNECTION, MALFORMED_RESPONSE, OTHER -> new AnthropicError(502, "api_error",
                    message);
        };
    }

    /** Whether the failure was the key's own rate limit, whose snapshot headers go out with the answer. */
    static RateLimitExceededException rateLimit(Throwable failure) {
        return Failures.unwrap(failure) instanceof RateLimitExceededException limited ? limited : null;
    }
}
