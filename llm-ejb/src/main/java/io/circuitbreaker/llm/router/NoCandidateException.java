package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.failure.GatewayError;
import java.util.List;

/**
 * Resolution found deployments, but none can serve this request (capabilities, context window, open breakers).
 * The message lists each candidate and why it was skipped.
 */
public class NoCandidateException extends RoutingFailedException {

    private static final long serialVersionUID = 1L;

    private final List<String> skipped;
    private final boolean onlyBreakers;

    public NoCandidateException(String requested, List<String> skipped, String route) {
        super(onlyBreakers(skipped) ? GatewayError.ALL_BREAKERS_OPEN : GatewayError.NO_CAPABLE_MODEL,
                "no deployment can serve model \"" + requested + "\": " + String.join("; ", skipped), List.of(), null,
                route);
        this.skipped = List.copyOf(skipped);
        this.onlyBreakers = onlyBreakers(skipped);
    }

    private static boolean onlyBreakers(List<String> skipped) {
        return !skipped.isEmpty() && skipped.stream().allMatch(s -> s.endsWith("circuit breaker open"));
    }

    public List<String> skipped() {
        return skipped;
    }

    /** Every candidate was skipped only because its breaker is open: a temporary condition (503), not bad input. */
    public boolean onlyBreakersOpen() {
        return onlyBreakers;
    }
}
