package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;

/**
 * What every usage aggregate counts: a summary group, a series point and a group within a point. One interface so
 * the GraphQL views show the five the same way.
 */
public interface UsageTotals {

    /** Requests counted. */
    long requests();

    /** Of them, those that ended in {@link UsageEvent.Outcome#ERROR}; a cancelled request is not an error. */
    long errors();

    /** Sum of the reported input tokens. */
    long inputTokens();

    /** Sum of the reported output tokens. */
    long outputTokens();

    /** Exact sum of the priced requests' cost in US dollars; zero when none was priced. */
    BigDecimal cost();
}
