package io.circuitbreaker.llm.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The width of one point of a usage series: a UTC hour or a UTC day. UTC because CREATED_AT holds UTC wall-clock
 * time (see {@link UsageRecordEntity}), so a bucket is the same on every server whatever its zone.
 */
public enum UsageBucket {

    /** A UTC hour, e.g. 03:00 up to 04:00. */
    HOUR(ChronoUnit.HOURS),

    /** A UTC calendar day. */
    DAY(ChronoUnit.DAYS);

    /**
     * The most points a series may have: a chart draws no more usefully, and the answer stays small (hourly that is
     * about 41 days, daily more than the 366 days a range may span).
     */
    public static final int MAX_BUCKETS = 1000;

    private final ChronoUnit unit;

    UsageBucket(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the bucket that holds {@code instant}. */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /** The start of the bucket after the one that starts at {@code start}. */
    Instant next(Instant start) {
        return start.plus(1, unit);
    }

    /**
     * How many buckets a series over {@code [from, to)} has: from the one holding {@code from} to the one holding the
     * last instant before {@code to}.
     */
    public long count(Instant from, Instant to) {
        Instant last = floor(to.minusNanos(1));
        return Duration.between(floor(from), last).dividedBy(unit.getDuration()) + 1;
    }
}
