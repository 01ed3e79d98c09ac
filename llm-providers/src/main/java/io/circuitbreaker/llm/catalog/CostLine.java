package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One billed part of a request: so many tokens at such a price. {@link #amount()} is exact: tokens × price.
 *
 * @param part          which part of the request
 * @param tokens        how many tokens of it
 * @param pricePerToken the price they were billed at, USD per token
 */
public record CostLine(CostPart part, long tokens, BigDecimal pricePerToken) {

    public CostLine {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(pricePerToken, "pricePerToken");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }

    public BigDecimal amount() {
        return Cost.normalise(pricePerToken.multiply(BigDecimal.valueOf(tokens)));
    }
}
