package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.cost.CostComparison;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One row of the cost comparison. */
@Type("CostComparisonRow")
@Description("What a request of the given size costs on one model, in exact US dollars.")
public class CostRowView {

    private final CostComparison.Row row;

    public CostRowView(CostComparison.Row row) {
        this.row = row;
    }

    @NonNull
    @Description("Provider id.")
    public String getProvider() {
        return row.providerId();
    }

    @NonNull
    @Description("Wire protocol of the provider.")
    public String getProviderType() {
        return row.providerType();
    }

    @NonNull
    @Description("Model id.")
    public String getModel() {
        return row.model().id();
    }

    @NonNull
    @Description("Model display name.")
    public String getModelName() {
        return row.model().name();
    }

    @Description("Total cost: inputCost + outputCost. Null when the model is unpriced (never a guessed price).")
    public BigDecimal getCost() {
        return row.cost().map(Cost::total).orElse(null);
    }

    @Description("Input tokens times the input price; null when unpriced.")
    public BigDecimal getInputCost() {
        return row.cost().map(Cost::input).orElse(null);
    }

    @Description("Output tokens times the output price; null when unpriced.")
    public BigDecimal getOutputCost() {
        return row.cost().map(Cost::output).orElse(null);
    }

    @Description("Whether the model has both prices.")
    public boolean isPriced() {
        return row.cost().isPresent();
    }
}
