package io.circuitbreaker.llm.api.graphql.view;

import java.math.BigDecimal;

/** Exact amounts as clients read them: no trailing zeros from a DECIMAL column, integers without exponent. */
public final class Money {

    private Money() {
    }

    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
