package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.catalog.TokenRates;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** A model's long-context price band. */
@Type("LlmLongContextPrices")
@Description("Prices that apply to the whole request once its input tokens exceed aboveInputTokens. A null price "
        + "is the standard one.")
public class LongContextPriceView {

    private final int aboveInputTokens;
    private final TokenRates rates;

    public LongContextPriceView(int aboveInputTokens, TokenRates rates) {
        this.aboveInputTokens = aboveInputTokens;
        this.rates = rates;
    }

    @Description("Input tokens (cached and cache writes included) above which these prices apply.")
    public int getAboveInputTokens() {
        return aboveInputTokens;
    }

    public BigDecimal getCostPerInputToken() {
        return rates.input();
    }

    public BigDecimal getCostPerOutputToken() {
        return rates.output();
    }

    public BigDecimal getCostPerCachedInputToken() {
        return rates.cacheRead();
    }

    public BigDecimal getCostPerCacheWriteInputToken() {
        return rates.cacheWrite();
    }

    public BigDecimal getCostPerCacheWrite1hInputToken() {
        return rates.cacheWriteLong();
    }
}
