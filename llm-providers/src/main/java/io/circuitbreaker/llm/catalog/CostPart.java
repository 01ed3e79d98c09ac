package io.circuitbreaker.llm.catalog;

import java.util.Locale;
import java.util.Optional;

/** The parts of a request a provider bills at different prices. */
public enum CostPart {
    /** Input tokens neither read from nor written to the prompt cache. */
    INPUT(true),
    /** Input tokens served from the prompt cache. */
    CACHE_READ(true),
    /** Input tokens written to the prompt cache with the default (5-minute) lifetime. */
    CACHE_WRITE(true),
    /** Input tokens written to the prompt cache with the 1-hour lifetime. */
    CACHE_WRITE_LONG(true),
    /** Output tokens of the answer itself. */
    OUTPUT(false),
    /** Output tokens spent on reasoning ("thinking"): billed at the output price, shown apart. */
    REASONING(false);

    private final boolean input;

    CostPart(boolean input) {
        this.input = input;
    }

    /** Whether the part counts towards the input cost (else the output cost). */
    public boolean isInput() {
        return input;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CostPart> parse(String text) {
        for (CostPart part : values()) {
            if (part.wireName().equals(text)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
