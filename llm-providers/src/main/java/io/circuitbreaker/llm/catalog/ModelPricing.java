package io.circuitbreaker.llm.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A model's prices: a standard band and, for models billed higher on long prompts, a long-context band that applies
 * to the whole request once its input exceeds a threshold (Gemini 2.5 Pro above 200k tokens, Claude Sonnet 4 with
 * the 1M context above 200k). Providers bill the whole request at the higher band, not only the tokens above it.
 *
 * @param standard          the prices of an ordinary request
 * @param longContextAbove  input tokens above which {@code longContext} applies, or {@code null} when there is none
 * @param longContext       the long-context band; its missing prices are the standard band's
 * @param origin            who set these prices
 * @param source            where the prices were read (a pricing page, a price map), or {@code null}
 * @param checkedOn         the day they were checked against that source, or {@code null}
 */
public record ModelPricing(TokenRates standard, Integer longContextAbove, TokenRates longContext, PriceOrigin origin,
        String source, LocalDate checkedOn) {

    /** No prices at all: requests to the model have no cost rather than a guessed one. */
    public static final ModelPricing UNPRICED = new ModelPricing(TokenRates.of(null, null), null, null,
            PriceOrigin.CATALOG, null, null);

    public ModelPricing {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(origin, "origin");
        if ((longContextAbove == null) != (longContext == null)) {
            throw new IllegalArgumentException("a long-context band needs both its threshold and its prices");
        }
        if (longContextAbove != null && longContextAbove < 1) {
            throw new IllegalArgumentException("the long-context threshold must be at least 1 token");
        }
    }

    public static ModelPricing of(TokenRates standard, PriceOrigin origin) {
        return new ModelPricing(standard, null, null, origin, null, null);
    }

    public boolean isPriced() {
        return standard.isPriced();
    }

    /** The band a request with this many input tokens (cached and cache writes included) is billed at. */
    public TokenRates ratesFor(long inputTokens) {
        return isLongContext(inputTokens) ? longContext.over(standard) : standard;
    }

    public boolean isLongContext(long inputTokens) {
        return longContextAbove != null && inputTokens > longContextAbove;
    }

    public ModelPricing withOrigin(PriceOrigin newOrigin, String newSource, LocalDate newCheckedOn) {
        return new ModelPricing(standard, longContextAbove, longContext, newOrigin, newSource, newCheckedOn);
    }
}
