package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a request cost, in US dollars, exact, and how: each billed part with its tokens and price. Trailing zeros are
 * stripped so figures read as the price list does ({@code 0.0000225}, not {@code 0.000022500}).
 *
 * @param input       cost of the input tokens (plain, cache reads and cache writes)
 * @param output      cost of the output tokens (answer and reasoning)
 * @param total       input plus output
 * @param lines       the billed parts, in {@link CostPart} order; parts with no tokens are left out
 * @param longContext whether the request was billed at the model's long-context prices
 */
public record Cost(BigDecimal input, BigDecimal output, BigDecimal total, List<CostLine> lines,
        boolean longContext) {

    public Cost {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(total, "total");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A cost from its billed parts. */
    public static Cost of(List<CostLine> lines, boolean longContext) {
        BigDecimal input = BigDecimal.ZERO;
        BigDecimal output = BigDecimal.ZERO;
        for (CostLine line : lines) {
            if (line.part().isInput()) {
                input = input.add(line.amount());
            } else {
                output = output.add(line.amount());
            }
        }
        return new Cost(normalise(input), normalise(output), normalise(input.add(output)), lines, longContext);
    }

    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        // keep integers at scale 0 (stripTrailingZeros turns 100 into 1E+2)
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
