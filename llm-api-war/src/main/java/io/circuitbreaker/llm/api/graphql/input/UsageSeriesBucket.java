package io.circuitbreaker.llm.api.graphql.input;

import io.circuitbreaker.llm.usage.UsageBucket;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The width of a point of {@code usageSeries}; a plain enum of its own so the schema does not follow internal code. */
@Enum("UsageBucket")
@Description("The width of a point of usageSeries: a UTC hour or a UTC day.")
public enum UsageSeriesBucket {
    /** A UTC hour. */
    HOUR,
    /** A UTC calendar day. */
    DAY;

    /** The bucket the queries know; a switch, so a constant added here without one there does not compile. */
    public UsageBucket bucket() {
        return switch (this) {
            case HOUR -> UsageBucket.HOUR;
            case DAY -> UsageBucket.DAY;
        };
    }
}
