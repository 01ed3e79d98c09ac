package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of a {@link Cost}'s breakdown: which parts were billed at which price, as one short text column of
 * a usage record ({@code input:1200:0.000003,cache_read:800:0.0000003,output:50:0.000015}, with a leading
 * {@code long_context,} when the long-context prices applied). Amounts are not stored: tokens × price gives them
 * exactly.
 */
public final class CostDetail {

    /** The longest text {@link #encode} produces: six parts, each with a 19-digit count and a 32-character price. */
    public static final int MAX_LENGTH = 500;
    private static final String LONG_CONTEXT = "long_context";

    private CostDetail() {
    }

    public static String encode(Cost cost) {
        StringBuilder text = new StringBuilder(128);
        if (cost.longContext()) {
            text.append(LONG_CONTEXT);
        }
        for (CostLine line : cost.lines()) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(line.part().wireName()).append(':').append(line.tokens()).append(':')
                    .append(line.pricePerToken().toPlainString());
        }
        return text.toString();
    }

    /**
     * The breakdown a stored text describes; empty when the text is not one this class wrote (a damaged or foreign
     * value is shown as no breakdown rather than failing a usage query).
     */
    public static Optional<Cost> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        boolean longContext = false;
        List<CostLine> lines = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.equals(LONG_CONTEXT)) {
                longContext = true;
                continue;
            }
            String[] fields = item.split(":");
            Optional<CostPart> part = fields.length == 3 ? CostPart.parse(fields[0]) : Optional.empty();
            if (part.isEmpty()) {
                return Optional.empty();
            }
            try {
                lines.add(new CostLine(part.get(), Long.parseLong(fields[1]), new BigDecimal(fields[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(Cost.of(lines, longContext));
    }
}
