package io.circuitbreaker.llm.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Who set a model's prices. An import of a price map updates {@link #CATALOG} and {@link #IMPORT} prices but leaves
 * {@link #OPERATOR} prices alone unless asked: an operator's negotiated rate must not be replaced by a list price.
 */
public enum PriceOrigin {
    /** Shipped with the gateway (the default catalog). */
    CATALOG,
    /** Taken from an imported price map. */
    IMPORT,
    /** Set by an operator through the API. */
    OPERATOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PriceOrigin> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (PriceOrigin origin : values()) {
            if (origin.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(origin);
            }
        }
        return Optional.empty();
    }
}
