package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.shared.RedisScript;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The same budgets as {@link BudgetLedger}, kept in Redis so that a key's budget holds across every instance: one
 * account per key and period, changed only by a Lua script (reserve before the upstream call, settle after).
 *
 * <p>An account starts from the usage records of the period (read by whichever instance meets it first). Each
 * reservation is a hold of its own with a lifetime, so the hold of a request whose instance died (kill -9) stops
 * counting when it expires instead of blocking the budget until the period ends. Amounts cross to Redis as whole
 * numbers of 10^-15 USD and are added there digit by digit: money never passes through a double.
 *
 * @throws SharedStateUnavailableException from reserve and status when Redis cannot be asked
 */
final class SharedBudgetLedger {

    private static final Logger LOG = Logger.getLogger(SharedBudgetLedger.class.getName());
    private static final RedisScript BUDGET = RedisScript.load(SharedBudgetLedger.class, "budget.lua");
    private static final int SCALE = 15;
    /** Longer than any request may take (the router's timeouts), short enough to free a dead instance's holds. */
    static final Duration HOLD_LIFETIME = Duration.ofMinutes(15);

    private final SharedRedis redis;
    private final BiFunction<String, Instant, BigDecimal> recordedSpend;
    private final Supplier<Instant> clock;
    private final Duration holdLifetime;

    SharedBudgetLedger(SharedRedis redis, BiFunction<String, Instant, BigDecimal> recordedSpend,
            Supplier<Instant> clock) {
        this(redis, recordedSpend, clock, HOLD_LIFETIME);
    }

    SharedBudgetLedger(SharedRedis redis, BiFunction<String, Instant, BigDecimal> recordedSpend,
            Supplier<Instant> clock, Duration holdLifetime) {
        this.redis = redis;
        this.recordedSpend = recordedSpend;
        this.clock = clock;
        this.holdLifetime = holdLifetime;
    }

    /** @throws BudgetExceededException when spent plus held plus {@code maxCost} would exceed the budget */
    BudgetHold reserve(GatewayKey key, BigDecimal maxCost) {
        Account account = account(key);
        String holdId = UUID.randomUUID().toString();
        String amount = units(maxCost, RoundingMode.CEILING);
        List<Object> reply = account.run("reserve", units(key.limits().budgetUsd(), RoundingMode.FLOOR), amount,
                holdId, Long.toString(holdLifetime.toMillis()), "", account.lifetimeSeconds());
        if ("SEED".equals(reply.get(0))) {
            reply = account.run("reserve", units(key.limits().budgetUsd(), RoundingMode.FLOOR), amount, holdId,
                    Long.toString(holdLifetime.toMillis()), units(account.recorded(), RoundingMode.CEILING),
                    account.lifetimeSeconds());
        }
        if ("OVER".equals(reply.get(0))) {
            throw new BudgetExceededException(account.status(reply), maxCost);
        }
        return new Hold(account, holdId);
    }

    /** Where the key's budget stands (its recorded spend when no instance has used it this period). */
    BudgetStatus status(GatewayKey key) {
        Account account = account(key);
        List<Object> reply = account.run("status");
        if ("SEED".equals(reply.get(0))) {
            return account.status(account.recorded(), BigDecimal.ZERO);
        }
        return account.status(reply);
    }

    private Account account(GatewayKey key) {
        Instant now = clock.get();
        BudgetPeriod period = key.limits().budgetPeriod();
        return new Account(key, period, period.start(now), period.end(now));
    }

    static String units(BigDecimal usd, RoundingMode rounding) {
        BigDecimal scaled = usd.movePointRight(SCALE).setScale(0, rounding);
        return scaled.signum() <= 0 ? "0" : scaled.toBigIntegerExact().toString();
    }

    static BigDecimal usd(Object units) {
        return new BigDecimal(new BigInteger(units.toString()), SCALE).stripTrailingZeros();
    }

    /** One key's account in one period. */
    private final class Account {
        final GatewayKey key;
        final BudgetPeriod period;
        final Instant start;
        final Instant end;
        final String[] keys;

        Account(GatewayKey key, BudgetPeriod period, Instant start, Instant end) {
            this.key = key;
            this.period = period;
            this.start = start;
            this.end = end;
            String name = "llm:budget:{" + key.id() + "}:" + period.name().toLowerCase(java.util.Locale.ROOT) + ":"
                    + start.getEpochSecond();
            this.keys = new String[] {name, name + ":hold-expiries"};
        }

        List<Object> run(String... args) {
            return redis.call(r -> BUDGET.run(r, keys, args));
        }

        BigDecimal recorded() {
            BigDecimal spent = recordedSpend.apply(key.id(), start);
            return spent == null ? BigDecimal.ZERO : spent;
        }

        /** Kept a day past the period's end, then Redis forgets it. */
        String lifetimeSeconds() {
            return Long.toString(Math.max(60, Duration.between(clock.get(), end).getSeconds() + 86_400));
        }

        BudgetStatus status(List<Object> reply) {
            return status(usd(reply.get(1)), usd(reply.get(2)));
        }

        BudgetStatus status(BigDecimal spent, BigDecimal held) {
            return new BudgetStatus(key.limits().budgetUsd(), period, spent, held, start, end);
        }
    }

    /** A reservation in Redis; settling it when Redis is gone loses nothing: the usage record keeps the cost. */
    private static final class Hold implements BudgetHold {
        private final Account account;
        private final String id;
        private final AtomicBoolean settled = new AtomicBoolean();

        Hold(Account account, String id) {
            this.account = account;
            this.id = id;
        }

        @Override
        public void settle(BigDecimal actualCost) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            try {
                account.run("settle", id, actualCost == null ? "" : units(actualCost, RoundingMode.CEILING));
            } catch (SharedStateUnavailableException e) {
                LOG.warning(() -> "A budget reservation of key " + account.key.id() + " could not be settled in"
                        + " Redis; it expires within " + HOLD_LIFETIME.toMinutes() + " minutes, and the cost is in"
                        + " the usage record (" + e.getMessage() + ")");
            }
        }
    }
}
