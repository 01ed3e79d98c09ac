package io.circuitbreaker.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.shared.FailureMode;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateSettings;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.shared.LocalServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cache against the real Redis of this machine (127.0.0.1:6379; skipped without one). */
class ResponseCacheRedisTest {

    private static SharedRedis redis;
    private static ResponseCache cache;

    @BeforeAll
    static void connect() {
        assumeTrue(LocalServices.reachable(LocalServices.REDIS), "no Redis at 127.0.0.1:6379");
        redis = SharedRedis.open(settings("redis://127.0.0.1:6379/0"));
        cache = ResponseCache.open(redis, 4096);
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            redis.close();
        }
    }

    private static CachePlan plan(int ttl) {
        return new CachePlan(CacheKeys.PREFIX + "test:" + UUID.randomUUID(), ttl, true);
    }

    private static ChatResponse answer(String text, FinishReason.Kind end) {
        return new ChatResponse("id-1", "gpt-4o", ProviderType.OPENAI,
                List.of(new Choice(0, text, null, List.of(), FinishReason.of(end, "stop"))), Usage.of(5, 7));
    }

    @Test
    void aStoredAnswerIsFoundWithItsCostAndExpiresByItsTtl() {
        CachePlan plan = plan(120);
        assertTrue(cache.lookup(plan).isEmpty(), "nothing stored yet");
        assertTrue(cache.store(plan, answer("Hello!", FinishReason.Kind.STOP), "openai", "gpt-4o",
                new BigDecimal("0.0000875")));
        CachedAnswer found = cache.lookup(plan).orElseThrow();
        assertEquals("Hello!", found.response().text());
        assertEquals(new BigDecimal("0.0000875"), found.cost());
        long ttl = redis.call(commands -> commands.ttl(plan.redisKey()));
        assertTrue(ttl > 0 && ttl <= 120, "ttl " + ttl);
        redis.call(commands -> commands.del(plan.redisKey()));
    }

    @Test
    void aRefreshDoesNotLookUpButStores() {
        CachePlan plan = plan(60);
        cache.store(plan, answer("old", FinishReason.Kind.STOP), "openai", "gpt-4o", null);
        CachePlan refresh = new CachePlan(plan.redisKey(), 60, false);
        assertTrue(cache.lookup(refresh).isEmpty());
        cache.store(refresh, answer("new", FinishReason.Kind.STOP), "openai", "gpt-4o", null);
        assertEquals("new", cache.lookup(plan).orElseThrow().response().text());
        redis.call(commands -> commands.del(plan.redisKey()));
    }

    @Test
    void filteredAndOversizedAnswersAreNotStored() {
        CachePlan plan = plan(60);
        assertFalse(cache.store(plan, answer("partial", FinishReason.Kind.CONTENT_FILTER), "openai", "gpt-4o", null));
        assertFalse(cache.store(plan, answer("x".repeat(5000), FinishReason.Kind.STOP), "openai", "gpt-4o", null),
                "over the 4096-byte limit of this test's cache");
        assertEquals(0L, (long) redis.call(commands -> commands.exists(plan.redisKey())));
    }

    @Test
    void aDamagedEntryIsAMiss() {
        CachePlan plan = plan(60);
        redis.call(commands -> commands.setex(plan.redisKey(), 60, "{\"v\":1,"));
        assertTrue(cache.lookup(plan).isEmpty());
        redis.call(commands -> commands.del(plan.redisKey()));
    }

    /** Redis down: a lookup is a miss and a store is skipped, in either failure mode; nothing throws. */
    @Test
    void anUnreachableRedisIsAMissWhateverTheFailureMode() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SharedRedis down = SharedRedis.open(new SharedStateSettings(Optional.of("redis://127.0.0.1:" + port),
                FailureMode.CLOSED, Duration.ofMillis(200)));
        try {
            ResponseCache unreachable = ResponseCache.open(down, 4096);
            CachePlan plan = plan(60);
            assertTrue(unreachable.lookup(plan).isEmpty());
            assertFalse(unreachable.store(plan, answer("x", FinishReason.Kind.STOP), "openai", "gpt-4o", null));
        } finally {
            down.close();
        }
    }

    private static SharedStateSettings settings(String url) {
        return new SharedStateSettings(Optional.of(url), FailureMode.OPEN, Duration.ofMillis(500));
    }

}
