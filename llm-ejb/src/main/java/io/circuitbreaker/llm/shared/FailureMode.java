package io.circuitbreaker.llm.shared;

import java.util.Locale;
import java.util.Optional;

/** What requests get while Redis is unreachable. */
public enum FailureMode {
    /** Each instance falls back to its own in-memory limits and budgets (logged, counted in metrics). */
    OPEN,
    /** Requests that need the shared state are refused with 503 until Redis is back. */
    CLOSED;

    /** {@code open} or {@code closed}, any case. */
    public static Optional<FailureMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(OPEN);
            case "closed" -> Optional.of(CLOSED);
            default -> Optional.empty();
        };
    }
}
