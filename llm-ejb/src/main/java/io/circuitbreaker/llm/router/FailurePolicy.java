package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.error.ErrorKind;

/** What a failed attempt means for routing and for the deployment's breaker. One exhaustive switch per question. */
final class FailurePolicy {

    /** What to do next after a failed attempt. */
    enum Next {
        /** Try the same deployment again after a backoff (then move on). */
        RETRY,
        /** Move to the next candidate now. */
        NEXT_CANDIDATE,
        /** Stop and give this error to the caller. */
        RETURN
    }

    private FailurePolicy() {
    }

    static Next next(ErrorKind kind, boolean routeAroundClientErrors) {
        return switch (kind) {
            case RATE_LIMITED, OVERLOADED, UNAVAILABLE, TIMEOUT, CONNECTION, MALFORMED_RESPONSE -> Next.RETRY;
            // the key or model is wrong for this deployment: retrying it cannot help, another deployment may
            // so is an exhausted quota: waiting does not refill it, but another key or provider may have quota
            case AUTHENTICATION, MODEL_NOT_FOUND, QUOTA_EXHAUSTED, OTHER -> Next.NEXT_CANDIDATE;
            case INVALID_REQUEST, CONTEXT_LENGTH_EXCEEDED, CONTENT_FILTERED ->
                    routeAroundClientErrors ? Next.NEXT_CANDIDATE : Next.RETURN;
        };
    }

    /** Whether the failure says something about the deployment's health (and so counts for its breaker). */
    static boolean countsAgainstDeployment(ErrorKind kind) {
        return switch (kind) {
            // an exhausted quota stays exhausted: counting it lets the breaker open, so later requests skip the
            // deployment instead of spending a round trip on a certain 429 each time
            case RATE_LIMITED, OVERLOADED, UNAVAILABLE, TIMEOUT, CONNECTION, MALFORMED_RESPONSE, AUTHENTICATION,
                    MODEL_NOT_FOUND, QUOTA_EXHAUSTED -> true;
            case INVALID_REQUEST, CONTEXT_LENGTH_EXCEEDED, CONTENT_FILTERED, OTHER -> false;
        };
    }
}
