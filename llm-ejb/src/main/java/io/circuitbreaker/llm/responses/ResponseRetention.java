package io.circuitbreaker.llm.responses;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * How long stored responses are kept and how many one key may keep, from MicroProfile Config.
 *
 * <ul>
 *   <li>{@code llm.responses.retention} (env {@code LLM_RESPONSES_RETENTION}): an ISO-8601 duration such as
 *   {@code P30D} or {@code PT12H}, or a plain number of days; default 30 days, as OpenAI keeps stored responses.</li>
 *   <li>{@code llm.responses.max-per-key} (env {@code LLM_RESPONSES_MAX_PER_KEY}): the most responses one gateway key
 *   keeps at once, default 10000; storing one more deletes that key's oldest. Retention alone bounds time, not
 *   volume: a busy key could otherwise fill the database within the retention.</li>
 * </ul>
 *
 * @param retention how long a response is kept
 * @param maxPerKey the most responses one key keeps
 */
public record ResponseRetention(Duration retention, int maxPerKey) {

    public static final String RETENTION = "llm.responses.retention";
    public static final String MAX_PER_KEY = "llm.responses.max-per-key";
    public static final ResponseRetention DEFAULTS = new ResponseRetention(Duration.ofDays(30), 10_000);

    public ResponseRetention {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(RETENTION + " must be positive");
        }
        if (maxPerKey < 1) {
            throw new IllegalArgumentException(MAX_PER_KEY + " must be at least 1");
        }
    }

    /** The configured values; a malformed one fails with a message naming the property (at deployment). */
    public static ResponseRetention from(Config config) {
        Duration retention = config.getOptionalValue(RETENTION, String.class).map(String::strip)
                .filter(value -> !value.isEmpty()).map(ResponseRetention::duration).orElse(DEFAULTS.retention());
        int max = config.getOptionalValue(MAX_PER_KEY, Integer.class).orElse(DEFAULTS.maxPerKey());
        return new ResponseRetention(retention, max);
    }

    static Duration duration(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofDays(Long.parseLong(value));
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(RETENTION + " must be an ISO-8601 duration (e.g. P30D) or a number of "
                    + "days, not " + value);
        }
    }

}
