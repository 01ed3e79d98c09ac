package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.error.ErrorKind;
import java.time.Instant;

/**
 * One try at one deployment, for the caller's response headers, the usage record and the logs.
 *
 * @param deployment {@code providerId/modelId}
 * @param number     1 for the first try at this deployment, 2 for its first retry, ...
 * @param outcome    what happened
 * @param errorKind  the error's kind when the outcome is FAILED, else {@code null}
 * @param httpStatus the upstream status of a failure (0 when none)
 * @param latencyMs  how long the try took
 * @param startedAt  when the try began (wall clock), for trace spans
 */
public record Attempt(String deployment, int number, Outcome outcome, ErrorKind errorKind, int httpStatus,
        long latencyMs, Instant startedAt) {

    public enum Outcome {
        SUCCEEDED, FAILED, SKIPPED_NO_KEY, SKIPPED_BREAKER_OPEN
    }

    @Override
    public String toString() {
        return deployment + "#" + number + ":" + (outcome == Outcome.FAILED ? errorKind + "(" + httpStatus + ")"
                : outcome.name());
    }
}
