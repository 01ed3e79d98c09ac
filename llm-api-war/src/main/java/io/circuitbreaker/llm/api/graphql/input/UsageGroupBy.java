package io.circuitbreaker.llm.api.graphql.input;

import io.circuitbreaker.llm.usage.UsageGrouping;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** How {@code usageSummary} groups requests; a plain enum of its own so the schema does not follow internal code. */
@Enum("UsageGroupBy")
@Description("How usageSummary groups requests.")
public enum UsageGroupBy {
    /** By provider id. */
    PROVIDER(UsageGrouping.PROVIDER),
    /** By provider/model. */
    MODEL(UsageGrouping.MODEL),
    /** By the caller's gateway key id. */
    API_KEY(UsageGrouping.API_KEY),
    /** By UTC day. */
    DAY(UsageGrouping.DAY);

    private final UsageGrouping grouping;

    UsageGroupBy(UsageGrouping grouping) {
        this.grouping = grouping;
    }

    public UsageGrouping grouping() {
        return grouping;
    }
}
