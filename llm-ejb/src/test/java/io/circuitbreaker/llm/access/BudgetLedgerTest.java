package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T17:00:00Z"));
    private final List<Instant> reads = new ArrayList<>();
    private final BudgetLedger ledger = new BudgetLedger((id, since) -> {
        reads.add(since);
        return new BigDecimal("0.40");
    }, now::get);

    private static GatewayKey key(String budget, BudgetPeriod period) {
        return new GatewayKey("key_1", "test", Role.CLIENT, "cbk-abc...", Instant.EPOCH, null,
                new KeyLimits(null, null, new BigDecimal(budget), period));
    }

    @Test
    void reservesTheMaximumAndSettlesTheRealCost() {
        GatewayKey key = key("1.00", BudgetPeriod.DAY);
        BudgetLedger.Reservation first = ledger.reserve(key, new BigDecimal("0.5"));
        assertEquals(new BigDecimal("0.5"), ledger.status(key).reservedUsd());
        // 0.40 recorded + 0.5 reserved + 0.2 > 1.00: refused while the first is in flight
        BudgetExceededException refused = assertThrows(BudgetExceededException.class,
                () -> ledger.reserve(key, new BigDecimal("0.2")));
        assertTrue(refused.getMessage().contains("0.4 USD spent and 0.5 USD reserved"), refused.getMessage());
        assertTrue(refused.getMessage().contains("resets at 2026-11-26T00:00:00Z"), refused.getMessage());

        first.settle(new BigDecimal("0.000123"));
        first.settle(new BigDecimal("0.5")); // once only
        BudgetStatus status = ledger.status(key);
        assertEquals(new BigDecimal("0.400123"), status.spentUsd());
        assertEquals(0, status.reservedUsd().signum());
        assertEquals(new BigDecimal("0.599877"), status.remainingUsd());
        ledger.reserve(key, new BigDecimal("0.2")).settle(null); // fits now; a failed request costs nothing
        assertEquals(new BigDecimal("0.400123"), ledger.status(key).spentUsd());
        assertEquals(List.of(Instant.parse("2026-11-25T00:00:00Z")), reads, "recorded spend read once per period");
    }

    @Test
    void aNewPeriodStartsFromTheRecordedSpendOfThatPeriod() {
        GatewayKey key = key("0.45", BudgetPeriod.MONTH);
        ledger.reserve(key, new BigDecimal("0.05")).settle(new BigDecimal("0.05"));
        assertThrows(BudgetExceededException.class, () -> ledger.reserve(key, new BigDecimal("0.000001")));
        now.set(Instant.parse("2026-12-01T00:00:00Z"));
        ledger.reserve(key, new BigDecimal("0.05"));
        assertEquals(List.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")), reads);
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), ledger.status(key).resetsAt());
    }

    @Test
    void aZeroBudgetRefusesEveryPricedRequest() {
        BudgetLedger empty = new BudgetLedger((id, since) -> BigDecimal.ZERO, now::get);
        GatewayKey key = key("0", BudgetPeriod.DAY);
        assertThrows(BudgetExceededException.class, () -> empty.reserve(key, new BigDecimal("0.000000075")));
        empty.reserve(key, BigDecimal.ZERO).settle(null); // an unpriced model has no cost to hold
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new KeyLimits(0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new KeyLimits(null, -5, null, null));
        assertThrows(IllegalArgumentException.class, () -> new KeyLimits(null, null, new BigDecimal("-1"),
                BudgetPeriod.DAY));
        assertThrows(IllegalArgumentException.class, () -> new KeyLimits(null, null, BigDecimal.ONE, null));
        assertEquals(new BigDecimal("2.5"), new KeyLimits(null, null, new BigDecimal("2.500"), BudgetPeriod.DAY)
                .budgetUsd());
    }
}
