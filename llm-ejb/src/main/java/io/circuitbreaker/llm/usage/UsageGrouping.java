package io.circuitbreaker.llm.usage;

import java.time.LocalDate;
import java.util.Comparator;

/** How a usage summary splits its rows; each constant knows its group key and the order of its keys. */
public enum UsageGrouping {

    /** By provider id. */
    PROVIDER {
        @Override
        String keyOf(UsageFacts facts) {
            return orNone(facts.providerId());
        }
    },

    /** By provider and model, so the same model id served by two providers stays two rows. */
    MODEL {
        @Override
        String keyOf(UsageFacts facts) {
            if (facts.providerId() == null && facts.model() == null) {
                return NONE;
            }
            return orNone(facts.providerId()) + "/" + orNone(facts.model());
        }
    },

    /** By the caller's API key id. */
    API_KEY {
        @Override
        String keyOf(UsageFacts facts) {
            return facts.callerKeyId() == null ? ANONYMOUS : facts.callerKeyId();
        }
    },

    /** By the UTC calendar day the request finished on, as ISO {@code yyyy-MM-dd}. */
    DAY {
        @Override
        String keyOf(UsageFacts facts) {
            // createdAt is already UTC (see UsageRecordEntity), so its date is the UTC day
            return facts.createdAt().toLocalDate().toString();
        }

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

    abstract String keyOf(UsageFacts facts);

    /** Ascending order of this grouping's keys. */
    Comparator<String> order() {
        return Comparator.naturalOrder();
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
