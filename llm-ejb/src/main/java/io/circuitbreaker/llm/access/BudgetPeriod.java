package io.circuitbreaker.llm.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The window a budget applies to, in UTC: a calendar day or a calendar month. */
public enum BudgetPeriod {
    DAY,
    MONTH;

    /** The start of the period that contains {@code now}. */
    public Instant start(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = switch (this) {
            case DAY -> today;
            case MONTH -> today.with(TemporalAdjusters.firstDayOfMonth());
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the next period: when the spend goes back to zero. */
    public Instant end(Instant now) {
        LocalDate start = LocalDate.ofInstant(start(now), ZoneOffset.UTC);
        LocalDate next = switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
