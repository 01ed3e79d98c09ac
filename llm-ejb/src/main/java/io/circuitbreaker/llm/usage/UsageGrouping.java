package io.circuitbreaker.llm.usage;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * How a usage summary splits its rows. The group keys are built by the database ({@link UsageSummarySql}):
 * the provider id; {@code provider/model} (so the same model id served by two providers stays two rows); the caller's
 * key id; or the UTC day as ISO {@code yyyy-MM-dd}. Each constant knows the order of its keys.
 */
public enum UsageGrouping {

    /** By provider id. */
    PROVIDER,

    /** By provider and model. */
    MODEL,

    /** By the caller's API key id. */
    API_KEY,

    /** By the UTC calendar day the request finished on. */
    DAY {
        @Override
        Comparator<String> order() {
            // by date, not by text: ISO text sorts the same only for four-digit years
            return Comparator.comparing(LocalDate::parse);
        }
    };

    /** The group of requests without a caller key. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * The group of requests no provider answered (a failed non-streaming request records no provider or model), so
     * they are still counted instead of dropped.
     */
    public static final String NONE = "none";

    /** Ascending order of this grouping's keys. */
    Comparator<String> order() {
        return Comparator.naturalOrder();
    }
}
