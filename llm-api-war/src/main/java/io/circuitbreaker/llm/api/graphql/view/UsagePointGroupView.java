package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.usage.UsageSeriesGroupRow;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One group's share of a usage series point. */
@Type("UsagePointGroup")
@Description("The requests of one group (a provider, provider/model or API key) in one bucket.")
public class UsagePointGroupView extends UsageTotalsView {

    private final UsageSeriesGroupRow row;

    public UsagePointGroupView(UsageSeriesGroupRow row) {
        super(row);
        this.row = row;
    }

    @NonNull
    @Description("The provider id, provider/model or caller key id (anonymous without one).")
    public String getGroup() {
        return row.group();
    }
}
