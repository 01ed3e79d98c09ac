package io.circuitbreaker.llm.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Per-key spend against budgets. A request reserves its maximum cost before the upstream call, so requests in flight
 * together cannot overspend; when it ends, the reservation is replaced by the real cost.
 *
 * <p>The spend of the current period is read from the usage records once per key and period (so a restart does not
 * reset budgets), then kept in memory: the recorder writes usage in batches, after the answer.
 */
public final class BudgetLedger {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final BiFunction<String, Instant, BigDecimal> recordedSpend;
    private final Supplier<Instant> clock;

    /**
     * @param recordedSpend the recorded cost of a key's requests since an instant
     * @param clock         now
     */
    public BudgetLedger(BiFunction<String, Instant, BigDecimal> recordedSpend, Supplier<Instant> clock) {
        this.recordedSpend = recordedSpend;
        this.clock = clock;
    }

    /**
     * Reserves {@code maxCost} against the key's budget.
     *
     * @throws BudgetExceededException when spent plus reserved plus {@code maxCost} would exceed the budget
     */
    public Reservation reserve(GatewayKey key, BigDecimal maxCost) {
        if (!key.limits().hasBudget()) {
            return Reservation.NONE;
        }
        Account account = current(key);
        synchronized (account) {
            BigDecimal committed = account.spent.add(account.reserved);
            if (committed.add(maxCost).compareTo(key.limits().budgetUsd()) > 0) {
                throw new BudgetExceededException(account.status(key.limits()), maxCost);
            }
            account.reserved = account.reserved.add(maxCost);
        }
        return new Reservation(account, maxCost);
    }

    /** The key's budget now, or {@code null} when it has none. */
    public BudgetStatus status(GatewayKey key) {
        if (!key.limits().hasBudget()) {
            return null;
        }
        Account account = current(key);
        synchronized (account) {
            return account.status(key.limits());
        }
    }

    /** Forgets a key's account (revoked, or its budget changed). */
    public void forget(String keyId) {
        accounts.remove(keyId);
    }

    private Account current(GatewayKey key) {
        Instant now = clock.get();
        BudgetPeriod period = key.limits().budgetPeriod();
        Instant start = period.start(now);
        Account account = accounts.get(key.id());
        if (account != null && account.periodStart.equals(start) && account.period == period) {
            return account;
        }
        BigDecimal spent = recordedSpend.apply(key.id(), start);
        Account fresh = new Account(period, start, period.end(now), spent == null ? BigDecimal.ZERO : spent);
        // two first requests at once: both read the same recorded spend, one account wins
        return accounts.merge(key.id(), fresh, (old, next) ->
                old.periodStart.equals(next.periodStart) && old.period == next.period ? old : next);
    }

    /** One key's spend in one period. Guarded by its own monitor. */
    static final class Account {
        final BudgetPeriod period;
        final Instant periodStart;
        final Instant periodEnd;
        BigDecimal spent;
        BigDecimal reserved = BigDecimal.ZERO;

        Account(BudgetPeriod period, Instant periodStart, Instant periodEnd, BigDecimal spent) {
            this.period = period;
            this.periodStart = periodStart;
            this.periodEnd = periodEnd;
            this.spent = spent;
        }

        BudgetStatus status(KeyLimits limits) {
            return new BudgetStatus(limits.budgetUsd(), period, spent, reserved, periodStart, periodEnd);
        }
    }

    /** A request's hold on a budget; settled exactly once with the real cost. */
    public static final class Reservation implements BudgetHold {

        static final Reservation NONE = new Reservation(null, BigDecimal.ZERO);

        private final Account account;
        private final BigDecimal amount;
        private boolean settled;

        Reservation(Account account, BigDecimal amount) {
            this.account = account;
            this.amount = amount;
        }

        /** Replaces the reservation with the real cost ({@code null}: nothing was charged). Idempotent. */
        @Override
        public void settle(BigDecimal actualCost) {
            if (account == null) {
                return;
            }
            synchronized (account) {
                if (settled) {
                    return;
                }
                settled = true;
                account.reserved = account.reserved.subtract(amount);
                if (actualCost != null) {
                    account.spent = account.spent.add(actualCost);
                }
            }
        }

        public BigDecimal amount() {
            return amount;
        }
    }
}
