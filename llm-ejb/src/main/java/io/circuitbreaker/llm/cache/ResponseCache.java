package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import io.lettuce.core.SetArgs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The exact-match response cache in Redis: decides whether a request takes part ({@link #plan}), serves a stored
 * answer ({@link #lookup}) and stores a fresh one ({@link #store}).
 *
 * <p>Redis failing never fails a request, whatever {@code llm.redis.failure-mode} says (that mode is about limits and
 * budgets, which must not be exceeded; a cache that cannot be read only costs an upstream call): a lookup that cannot
 * reach Redis is a miss and a store that cannot is skipped.
 */
@ApplicationScoped
public class ResponseCache {

    /** {@code llm.cache.max-entry-bytes}: an answer bigger than this (encoded) is not stored. Default 1 MiB. */
    public static final String MAX_ENTRY_BYTES = "llm.cache.max-entry-bytes";

    /** Normal ends only: an answer cut by a content filter, an error or an unknown reason is not one to repeat. */
    static final Set<FinishReason.Kind> STORABLE = EnumSet.of(FinishReason.Kind.STOP, FinishReason.Kind.LENGTH,
            FinishReason.Kind.TOOL_CALLS);

    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());

    @Inject
    SharedRedis redis;

    @Inject
    CachePolicies policies;

    @Inject
    Config config;

    private int maxEntryBytes = 1 << 20;

    @PostConstruct
    void init() {
        maxEntryBytes = config.getOptionalValue(MAX_ENTRY_BYTES, Integer.class).orElse(1 << 20);
        if (maxEntryBytes < 1) {
            throw new IllegalArgumentException(MAX_ENTRY_BYTES + " (LLM_CACHE_MAX_ENTRY_BYTES) must be positive");
        }
    }

    /** Outside a container (tests): a cache on this Redis, with every policy decided by the caller of {@link #plan}. */
    static ResponseCache open(SharedRedis redis, int maxEntryBytes) {
        ResponseCache cache = new ResponseCache();
        cache.redis = redis;
        cache.maxEntryBytes = maxEntryBytes;
        return cache;
    }

    /**
     * The cache's part in this request, or empty when it has none: no Redis, the caller bypassed it, or neither its
     * key nor its route opted in.
     */
    public Optional<CachePlan> plan(String keyId, Resolution resolution, ChatRequest request,
            CacheDirective.Mode mode) {
        if (mode == CacheDirective.Mode.BYPASS || !redis.configured()) {
            return Optional.empty();
        }
        OptionalInt ttl = policies.ttlFor(keyId, resolution.route());
        if (ttl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CachePlan(CacheKeys.of(keyId, resolution, request), ttl.getAsInt(),
                mode == CacheDirective.Mode.USE));
    }

    /** The stored answer, or empty on a miss, a refresh, an unreadable entry or an unreachable Redis. */
    public Optional<CachedAnswer> lookup(CachePlan plan) {
        if (!plan.lookup()) {
            return Optional.empty();
        }
        try {
            String stored = redis.call(commands -> commands.get(plan.redisKey()));
            return stored == null ? Optional.empty() : CachedAnswerCodec.decode(stored);
        } catch (SharedStateUnavailableException e) {
            redis.countFallback();
            return Optional.empty();
        }
    }

    /**
     * Stores the answer for the plan's time to live when it is one to repeat: every choice ended normally
     * ({@link #STORABLE}) and the entry is within {@code llm.cache.max-entry-bytes}.
     *
     * @return whether it was stored
     */
    public boolean store(CachePlan plan, ChatResponse response, String providerId, String modelId, BigDecimal cost) {
        if (!storable(response)) {
            return false;
        }
        String entry = CachedAnswerCodec.encode(new CachedAnswer(response, providerId, modelId, cost));
        if (entry.length() > maxEntryBytes || entry.getBytes(StandardCharsets.UTF_8).length > maxEntryBytes) {
            LOG.fine(() -> "answer not cached: " + entry.length() + " characters, over " + MAX_ENTRY_BYTES);
            return false;
        }
        try {
            redis.call(commands -> commands.set(plan.redisKey(), entry, SetArgs.Builder.ex(plan.ttlSeconds())));
            return true;
        } catch (SharedStateUnavailableException e) {
            LOG.log(Level.FINE, "answer not cached: Redis is unreachable", e);
            return false;
        }
    }

    static boolean storable(ChatResponse response) {
        if (response.choices().isEmpty()) {
            return false;
        }
        for (Choice choice : response.choices()) {
            if (choice.finishReason() == null || !STORABLE.contains(choice.finishReason().kind())) {
                return false;
            }
        }
        return true;
    }
}
