package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.access.BudgetExceededException;
import io.circuitbreaker.llm.access.RateLimitExceededException;
import io.circuitbreaker.llm.api.Failures;
import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.router.NoCandidateException;
import io.circuitbreaker.llm.router.RoutingFailedException;
import io.circuitbreaker.llm.routing.UnknownModelException;
import java.time.Duration;

/**
 * How a failed completion reaches a GraphQL client: a code to switch on and a message that says what to do. Upstream
 * authentication failures are the operator's problem, not the caller's, so they are a PROVIDER_ERROR.
 */
public final class ChatErrors {

    private ChatErrors() {
    }

    public static GatewayGraphQLException toGraphQL(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof GatewayGraphQLException coded) {
            return coded;
        }
        if (cause instanceof RateLimitExceededException limited) {
            return new GatewayGraphQLException("RATE_LIMITED", limited.getMessage());
        }
        if (cause instanceof BudgetExceededException budget) {
            return new GatewayGraphQLException("BUDGET_EXCEEDED", budget.getMessage());
        }
        if (cause instanceof UnknownModelException unknown) {
            return GatewayGraphQLException.notFound(unknown.getMessage());
        }
        if (cause instanceof NoCandidateException none) {
            return new GatewayGraphQLException(none.onlyBreakersOpen() ? "UNAVAILABLE" : "NO_CAPABLE_MODEL",
                    none.getMessage());
        }
        if (cause instanceof RoutingFailedException failed) {
            String retry = failed.retryAfter().map(ChatErrors::retryHint).orElse("");
            return new GatewayGraphQLException(failed.kind().map(ChatErrors::code).orElse("PROVIDER_ERROR"),
                    failed.getMessage() + retry);
        }
        return new GatewayGraphQLException("INTERNAL", "the request failed inside the gateway; see the server log");
    }

    static String code(ErrorKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> "RATE_LIMITED";
            case MODEL_NOT_FOUND -> "NOT_FOUND";
            case CONTEXT_LENGTH_EXCEEDED -> "CONTEXT_LENGTH_EXCEEDED";
            case INVALID_REQUEST -> "INVALID_REQUEST";
            case CONTENT_FILTERED -> "CONTENT_FILTERED";
            case TIMEOUT -> "TIMEOUT";
            case AUTHENTICATION, OVERLOADED, UNAVAILABLE, CONNECTION, MALFORMED_RESPONSE, OTHER -> "PROVIDER_ERROR";
        };
    }

    private static String retryHint(Duration wait) {
        return " (retry after " + Failures.retryAfterSeconds(wait) + " s)";
    }

}
