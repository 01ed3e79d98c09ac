package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a request cost, in US dollars, exact. Trailing zeros are stripped so figures read as the price list does
 * ({@code 0.0000225}, not {@code 0.000022500}).
 *
 * @param input  cost of the input tokens
 * @param output cost of the output tokens
 * @param total  input plus output
 */
public record Cost(BigDecimal input, BigDecimal output, BigDecimal total) {

    public Cost {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(total, "total");
    }

    public static Cost of(BigDecimal input, BigDecimal output) {
        return new Cost(normalise(input), normalise(output), normalise(input.add(output)));
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        // keep integers at scale 0 (stripTrailingZeros turns 100 into 1E+2)
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
