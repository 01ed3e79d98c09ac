package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.catalog.CostLine;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One billed part of a request: tokens × price = amount, exact. */
@Type("CostLine")
@Description("One billed part of a request: so many tokens at such a price, in exact US dollars.")
public class CostLineView {

    private final CostLine line;

    public CostLineView(CostLine line) {
        this.line = line;
    }

    /** The lines of a cost, or {@code null} when there is none (unpriced model, failed request). */
    public static List<CostLineView> of(Cost cost) {
        return cost == null ? null : cost.lines().stream().map(CostLineView::new).toList();
    }

    @NonNull
    @Description("input, cache_read, cache_write (5-minute), cache_write_long (1-hour), output or reasoning "
            + "(reasoning tokens are billed at the output price).")
    public String getPart() {
        return line.part().wireName();
    }

    @Description("Tokens of this part.")
    public long getTokens() {
        return line.tokens();
    }

    @NonNull
    @Description("US dollars per token they were billed at.")
    public BigDecimal getPricePerToken() {
        return Money.plain(line.pricePerToken());
    }

    @NonNull
    @Description("tokens × pricePerToken, exact.")
    public BigDecimal getAmount() {
        return line.amount();
    }
}
