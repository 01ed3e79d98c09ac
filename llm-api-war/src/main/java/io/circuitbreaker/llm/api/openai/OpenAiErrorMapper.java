package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.access.BudgetExceededException;
import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.router.NoCandidateException;
import io.circuitbreaker.llm.router.RoutingFailedException;
import io.circuitbreaker.llm.routing.UnknownModelException;

/**
 * Which status and OpenAI error a failure becomes. The caller's own mistakes are 4xx; an upstream that failed, timed
 * out or rejected the gateway's key is the gateway's problem towards its caller, so 502/503/504 (a 401 from the
 * upstream must not read as "your key is wrong" to an SDK that holds the gateway's key).
 */
final class OpenAiErrorMapper {

    private OpenAiErrorMapper() {
    }

    static OpenAiError map(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof InvalidOpenAiRequest invalid) {
            return new OpenAiError(invalid.status(), "invalid_request_error", invalid.code(), invalid.param(),
                    invalid.getMessage(), null);
        }
        if (cause instanceof RateLimitExceededException limited) {
            // OpenAI's own shape for its per-key limits: the type names the limit that was hit
            return new OpenAiError(429, limited.limit() == RateLimitExceededException.Limit.REQUESTS ? "requests"
                    : "tokens", "rate_limit_exceeded", null, limited.getMessage(),
                    Failures.retryAfterSeconds(limited.retryAfter()));
        }
        if (cause instanceof BudgetExceededException budget) {
            return new OpenAiError(429, "insufficient_quota", "insufficient_quota", null, budget.getMessage(), null);
        }
        if (cause instanceof UnknownModelException unknown) {
            return new OpenAiError(404, "invalid_request_error", "model_not_found", "model", unknown.getMessage(),
                    null);
        }
        if (cause instanceof NoCandidateException none) {
            return none.onlyBreakersOpen()
                    ? new OpenAiError(503, "service_unavailable", "upstream_unavailable", null, none.getMessage(), null)
                    : new OpenAiError(400, "invalid_request_error", "no_capable_model", "model", none.getMessage(),
                            null);
        }
        if (cause instanceof LlmProviderException upstream) {
            // a stream that failed after its first chunk ends with the upstream's own typed error
            return upstream(upstream.kind(), upstream.getMessage(),
                    upstream.retryAfter().map(Failures::retryAfterSeconds).orElse(null));
        }
        if (cause instanceof RoutingFailedException failed) {
            Long retryAfter = failed.retryAfter().map(Failures::retryAfterSeconds).orElse(null);
            return failed.kind().map(kind -> upstream(kind, failed.getMessage(), retryAfter))
                    // no upstream could be called at all, e.g. no key is configured for any candidate
                    .orElseGet(() -> new OpenAiError(503, "service_unavailable", "no_upstream_available", null,
                            failed.getMessage(), null));
        }
        return new OpenAiError(500, "api_error", "internal_error", null,
                "the gateway failed to handle the request; see its log", null);
    }

    static OpenAiError upstream(ErrorKind kind, String message, Long retryAfter) {
        return switch (kind) {
            case RATE_LIMITED -> new OpenAiError(429, "rate_limit_error", "rate_limit_exceeded", null, message,
                    retryAfter);
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
