package io.circuitbreaker.llm.registry.importing;

import io.circuitbreaker.llm.catalog.ModelPricing;
import io.circuitbreaker.llm.catalog.TokenRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Compares two pricings by value (0.0000025 equals 0.00000250) and spells out the differences for a diff. */
final class PricingText {

    private PricingText() {
    }

    static boolean samePrices(ModelPricing a, ModelPricing b) {
        return sameRates(a.standard(), b.standard()) && Objects.equals(a.longContextAbove(), b.longContextAbove())
                && (a.longContext() == null || sameRates(a.longContext(), b.longContext()));
    }

    static void changes(ModelPricing before, ModelPricing after, List<CatalogDiff.FieldChange> fields) {
        TokenRates a = before.standard();
        TokenRates b = after.standard();
        price(fields, "costPerInputToken", a.input(), b.input());
        price(fields, "costPerOutputToken", a.output(), b.output());
        price(fields, "costPerCachedInputToken", a.cacheRead(), b.cacheRead());
        price(fields, "costPerCacheWriteInputToken", a.cacheWrite(), b.cacheWrite());
        price(fields, "costPerCacheWrite1hInputToken", a.cacheWriteLong(), b.cacheWriteLong());
        String longBefore = longContext(before);
        String longAfter = longContext(after);
        if (!Objects.equals(longBefore, longAfter)) {
            fields.add(new CatalogDiff.FieldChange("longContext", longBefore, longAfter));
        }
    }

    /** {@code above 200000: input 0.0000025, output 0.000015, ...}, or {@code null} without a long-context band. */
    static String longContext(ModelPricing pricing) {
        if (pricing.longContext() == null) {
            return null;
        }
        TokenRates r = pricing.longContext();
        StringBuilder text = new StringBuilder("above ").append(pricing.longContextAbove()).append(':');
        append(text, "input", r.input());
        append(text, "output", r.output());
        append(text, "cacheRead", r.cacheRead());
        append(text, "cacheWrite", r.cacheWrite());
        append(text, "cacheWrite1h", r.cacheWriteLong());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, BigDecimal price) {
        if (price != null) {
            text.append(' ').append(name).append(' ').append(price.toPlainString());
        }
    }

    private static boolean sameRates(TokenRates a, TokenRates b) {
        return b != null && same(a.input(), b.input()) && same(a.output(), b.output())
                && same(a.cacheRead(), b.cacheRead()) && same(a.cacheWrite(), b.cacheWrite())
                && same(a.cacheWriteLong(), b.cacheWriteLong());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void price(List<CatalogDiff.FieldChange> fields, String field, BigDecimal before,
            BigDecimal after) {
        if (!same(before, after)) {
            fields.add(new CatalogDiff.FieldChange(field, before == null ? null : before.toPlainString(),
                    after == null ? null : after.toPlainString()));
        }
    }
}
