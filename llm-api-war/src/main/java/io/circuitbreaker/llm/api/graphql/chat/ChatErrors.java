package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.failure.GatewayException;
import java.time.Duration;

/**
 * How a failed completion reaches a GraphQL client: a code to switch on and a message that says what to do. Upstream
 * authentication failures are the operator's problem, not the caller's, so they are a PROVIDER_ERROR.
 */
public final class ChatErrors {

    private ChatErrors() {
    }

    public static GatewayGraphQLException toGraphQL(Throwable failure) {
        if (Failures.unwrap(failure) instanceof GatewayGraphQLException coded) {
            return coded;
        }
        GatewayException failed = GatewayException.of(failure);
        String message = failed.getMessage();
        return switch (failed.error()) {
            case INVALID_REQUEST -> new GatewayGraphQLException("VALIDATION", message);
            case KEY_REJECTED -> new GatewayGraphQLException("UNAUTHORIZED", message);
            case RATE_LIMITED -> new GatewayGraphQLException("RATE_LIMITED", message);
            case BUDGET_EXCEEDED -> new GatewayGraphQLException("BUDGET_EXCEEDED", message);
            case UNKNOWN_MODEL -> GatewayGraphQLException.notFound(message);
            case NO_CAPABLE_MODEL -> new GatewayGraphQLException("NO_CAPABLE_MODEL", message);
            case ALL_BREAKERS_OPEN, SHARED_STATE_UNAVAILABLE -> new GatewayGraphQLException("UNAVAILABLE", message);
            case NO_UPSTREAM -> new GatewayGraphQLException("PROVIDER_ERROR", message + retryHint(failed));
            case UPSTREAM -> new GatewayGraphQLException(failed.upstreamKind().map(ChatErrors::code)
                    .orElse("PROVIDER_ERROR"), message + retryHint(failed));
            case OTHER -> new GatewayGraphQLException("INTERNAL",
                    "the request failed inside the gateway; see the server log");
        };
    }

    static String code(ErrorKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> "RATE_LIMITED";
            case QUOTA_EXHAUSTED -> "QUOTA_EXHAUSTED";
            case MODEL_NOT_FOUND -> "NOT_FOUND";
            case CONTEXT_LENGTH_EXCEEDED -> "CONTEXT_LENGTH_EXCEEDED";
            case INVALID_REQUEST -> "INVALID_REQUEST";
            case CONTENT_FILTERED -> "CONTENT_FILTERED";
            case TIMEOUT -> "TIMEOUT";
            case AUTHENTICATION, OVERLOADED, UNAVAILABLE, CONNECTION, MALFORMED_RESPONSE, OTHER -> "PROVIDER_ERROR";
        };
    }

    private static String retryHint(GatewayException failed) {
        return failed.retryAfter().map(ChatErrors::retryHint).orElse("");
    }

    private static String retryHint(Duration wait) {
        return " (retry after " + Failures.retryAfterSeconds(wait) + " s)";
    }
}
