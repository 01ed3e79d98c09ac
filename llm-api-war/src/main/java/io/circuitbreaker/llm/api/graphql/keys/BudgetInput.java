package io.circuitbreaker.llm.api.graphql.keys;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A spend limit per UTC day or month. */
@Input("BudgetInput")
@Description("A spend limit in US dollars per UTC day or calendar month.")
public class BudgetInput {

    @NonNull
    @Description("The most the key may spend per period, in US dollars, e.g. 25.00.")
    private BigDecimal limitUsd;

    @NonNull
    @Description("DAY or MONTH (UTC).")
    private String period;

    public BigDecimal getLimitUsd() {
        return limitUsd;
    }

    public void setLimitUsd(BigDecimal limitUsd) {
        this.limitUsd = limitUsd;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }
}
