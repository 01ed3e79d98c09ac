package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.circuitbreaker.llm.shared.FailureMode;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateSettings;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import io.circuitbreaker.llm.shared.LocalServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared limits and budgets against the real Redis of this machine (127.0.0.1:6379; skipped without one), as two
 * gateway instances see them: two connections, two limiters, two ledgers, one key.
 */
class SharedLimitsRedisTest {

    private static final String URL = "redis://127.0.0.1:6379/0";
    private static SharedRedis first;
    private static SharedRedis second;

    @BeforeAll
    static void connect() {
        assumeTrue(LocalServices.reachable(LocalServices.REDIS), "no Redis at 127.0.0.1:6379");
        first = SharedRedis.open(settings(URL));
        second = SharedRedis.open(settings(URL));
    }

    @AfterAll
    static void close() {
        if (first != null) {
            first.close();
            second.close();
        }
    }

    @Test
    void tenRequestsPerMinuteAreTenAcrossBothInstances() throws Exception {
        GatewayKey key = key(new KeyLimits(10, null, null, null));
        List<KeyRateLimits> instances = List.of(new SharedRateLimiter(first), new SharedRateLimiter(second));
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                KeyRateLimits instance = instances.get(i % 2);
                calls.add(() -> {
                    try {
                        instance.admit(key);
                        admitted.incrementAndGet();
                    } catch (RateLimitExceededException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, admitted.get());
        assertEquals(30, refused.get());
        RateLimitExceededException next = assertThrows(RateLimitExceededException.class,
                () -> instances.get(0).admit(key));
        assertEquals(RateLimitExceededException.Limit.REQUESTS, next.limit());
        // a tenth of a minute brings one back: the wait Redis computes is about 6 s, never zero
        long waitMs = next.retryAfter().orElseThrow().toMillis();
        assertTrue(waitMs > 4_000 && waitMs <= 6_000, "wait " + waitMs);
        assertEquals("0", next.snapshot().headers().get("x-ratelimit-remaining-requests"));
    }

    @Test
    void tokensUsedOnOneInstanceCountOnTheOther() {
        GatewayKey key = key(new KeyLimits(null, 100, null, null));
        SharedRateLimiter one = new SharedRateLimiter(first);
        SharedRateLimiter other = new SharedRateLimiter(second);
        RateLimitSnapshot before = one.admit(key);
        assertEquals(100L, before.tokensRemaining());
        one.charge(key, 150);
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class, () -> other.admit(key));
        assertEquals(RateLimitExceededException.Limit.TOKENS, refused.limit());
    }

    @Test
    void aChangedLimitStartsAFullBucket() {
        String id = "key_" + UUID.randomUUID();
        SharedRateLimiter limiter = new SharedRateLimiter(first);
        GatewayKey one = key(id, new KeyLimits(1, null, null, null));
        limiter.admit(one);
        assertThrows(RateLimitExceededException.class, () -> limiter.admit(one));
        RateLimitSnapshot raised = limiter.admit(key(id, new KeyLimits(5, null, null, null)));
        assertEquals(4L, raised.requestsRemaining());
    }

    @Test
    void aBudgetIsSharedExactlyAndStartsFromTheRecordedSpend() {
        GatewayKey key = key(new KeyLimits(null, null, new BigDecimal("1.00"), BudgetPeriod.DAY));
        List<Instant> reads = new ArrayList<>();
        SharedBudgetLedger one = ledger(first, new BigDecimal("0.400000000000001"), reads);
        SharedBudgetLedger other = ledger(second, new BigDecimal("99"), reads);

        BudgetHold held = one.reserve(key, new BigDecimal("0.3"));
        // read once, by whichever instance met the account first; the other instance's 99 is never asked for
        assertEquals(1, reads.size());
        BudgetStatus status = other.status(key);
        assertEquals(new BigDecimal("0.400000000000001"), status.spentUsd());
        assertEquals(new BigDecimal("0.3"), status.reservedUsd());
        // 0.400000000000001 + 0.3 + 0.3 > 1.00 by 10^-15: refused on the other instance
        BudgetExceededException over = assertThrows(BudgetExceededException.class,
                () -> other.reserve(key, new BigDecimal("0.3")));
        assertEquals(new BigDecimal("0.3"), over.status().reservedUsd());
        BudgetHold fits = other.reserve(key, new BigDecimal("0.299999999999999"));

        held.settle(new BigDecimal("0.0000225"));
        held.settle(new BigDecimal("5")); // once only
        fits.settle(null); // failed upstream: nothing charged
        BudgetStatus after = one.status(key);
        assertEquals(new BigDecimal("0.400000000000001").add(new BigDecimal("0.0000225")), after.spentUsd());
        assertEquals(0, after.reservedUsd().signum());
    }

    @Test
    void largeBudgetsAndTinyCostsStayExact() {
        GatewayKey key = key(new KeyLimits(null, null, new BigDecimal("999999999.999999999999999"),
                BudgetPeriod.MONTH));
        SharedBudgetLedger ledger = ledger(first, new BigDecimal("999999998.999999999999999"), new ArrayList<>());
        BudgetHold hold = ledger.reserve(key, new BigDecimal("0.999999999999999"));
        hold.settle(new BigDecimal("0.000000000000001"));
        assertEquals(new BigDecimal("999999999.000000000000000").stripTrailingZeros(),
                ledger.status(key).spentUsd());
        BudgetHold rest = ledger.reserve(key, new BigDecimal("0.999999999999999"));
        assertNotNull(rest);
        assertThrows(BudgetExceededException.class, () -> ledger.reserve(key, new BigDecimal("0.000000000000001")));
    }

    @Test
    void theHoldOfARequestWhoseInstanceDiedExpires() throws Exception {
        GatewayKey key = key(new KeyLimits(null, null, new BigDecimal("1"), BudgetPeriod.DAY));
        SharedBudgetLedger dying = new SharedBudgetLedger(first, (id, since) -> BigDecimal.ZERO, Instant::now,
                Duration.ofMillis(300));
        dying.reserve(key, new BigDecimal("0.9")); // never settled
        assertThrows(BudgetExceededException.class, () -> dying.reserve(key, new BigDecimal("0.2")));
        Thread.sleep(400);
        dying.reserve(key, new BigDecimal("0.2"));
    }

    @Test
    void anUnreachableRedisIsReportedNeverHidden() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SharedRedis away = SharedRedis.open(settings("redis://127.0.0.1:" + port));
        try {
            GatewayKey key = key(new KeyLimits(5, null, null, null));
            SharedStateUnavailableException failed = assertThrows(SharedStateUnavailableException.class,
                    () -> new SharedRateLimiter(away).admit(key));
            assertTrue(failed.getMessage().startsWith("Redis is unreachable"), failed.getMessage());
            // within the next second it does not even try again: a request does not wait for a dead Redis
            long begin = System.nanoTime();
            assertThrows(SharedStateUnavailableException.class, () -> new SharedRateLimiter(away).admit(key));
            assertTrue(System.nanoTime() - begin < 100_000_000L);
        } finally {
            away.close();
        }
    }

    @Test
    void settingsAreCheckedByName() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () ->
                SharedStateSettings.from(name -> name.equals(SharedStateSettings.FAILURE_MODE)
                        ? Optional.of("sometimes") : Optional.empty()));
        assertTrue(mode.getMessage().contains("LLM_REDIS_FAILURE_MODE"), mode.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class, () ->
                SharedStateSettings.from(name -> name.equals(SharedStateSettings.URL)
                        ? Optional.of("http://user:s3cret@redis:6379") : Optional.empty()));
        assertTrue(!url.getMessage().contains("s3cret"), url.getMessage());
        assertEquals(FailureMode.OPEN, SharedStateSettings.from(name -> Optional.empty()).failureMode());
    }

    private static SharedBudgetLedger ledger(SharedRedis redis, BigDecimal recorded, List<Instant> reads) {
        return new SharedBudgetLedger(redis, (id, since) -> {
            reads.add(since);
            return recorded;
        }, Instant::now);
    }

    private static GatewayKey key(KeyLimits limits) {
        return key("key_" + UUID.randomUUID(), limits);
    }

    private static GatewayKey key(String id, KeyLimits limits) {
        return new GatewayKey(id, "test", Role.CLIENT, "cbk-abc...", Instant.EPOCH, null, limits);
    }

    private static SharedStateSettings settings(String url) {
        return new SharedStateSettings(Optional.of(url), FailureMode.OPEN, Duration.ofMillis(500));
    }

}
