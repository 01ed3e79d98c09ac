package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.routing.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a stream went, reported once when it ends, for the usage record.
 *
 * @param deployment      the deployment that streamed (the last one tried, when none did)
 * @param attempts        every try
 * @param usage           usage as the provider reported it in the stream, or {@code null}
 * @param cost            the cost of that usage
 * @param timeToFirstToken time until the first chunk, or {@code null} when none arrived
 * @param total           time until the end
 * @param error           the failure that ended the stream, if any
 * @param cancelled       whether the caller cancelled
 */
public record StreamSummary(Deployment deployment, List<Attempt> attempts, Usage usage, Optional<Cost> cost,
        Duration timeToFirstToken, Duration total, Optional<LlmProviderException> error, boolean cancelled) {
}
