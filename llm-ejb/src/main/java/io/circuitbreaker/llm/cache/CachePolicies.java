package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.cluster.ChangeTopic;
import io.circuitbreaker.llm.cluster.LocalChange;
import io.circuitbreaker.llm.cluster.RemoteChange;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Which gateway keys and routes opted in to the response cache, and for how long an answer is kept. Requests read an
 * in-memory copy, re-read from the database when another instance announces a change of keys or routes (within a
 * second; see the cluster package) and at most every {@code llm.keys.refresh-seconds} anyway, on the request that
 * finds it stale.
 *
 * <p>A key's and a route's time to live may both be set: the shorter applies (an answer is never older than either
 * owner allows).
 */
@ApplicationScoped
public class CachePolicies {

    /** The longest time to live: 30 days. An answer older than that is rarely the answer wanted. */
    public static final int MAX_TTL_SECONDS = 30 * 24 * 3600;

    private static final Logger LOG = Logger.getLogger(CachePolicies.class.getName());

    @Inject
    CachePolicyStore store;

    @Inject
    Config config;

    @Inject
    Event<LocalChange> announce;

    /** How long the copy is trusted without a notice: read once, not on every request. */
    private long refreshNanos;

    @PostConstruct
    void init() {
        refreshNanos = config.getOptionalValue("llm.keys.refresh-seconds", Integer.class).orElse(30)
                * 1_000_000_000L;
    }

    /** Set by another instance's change notice: the next request reads the policies again. */
    private volatile boolean stale;

    private volatile Map<String, Integer> policies;
    private volatile long readAt;

    /** The time to live for a request of this key on this route ({@code route} null when none), if either opted in. */
    public OptionalInt ttlFor(String keyId, String route) {
        Map<String, Integer> current = current();
        Integer byKey = keyId == null ? null : current.get(keyPolicy(keyId));
        Integer byRoute = route == null ? null : current.get(routePolicy(route));
        if (byKey == null && byRoute == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(byKey == null ? byRoute : byRoute == null ? byKey : Math.min(byKey, byRoute));
    }

    /** The key's own time to live, if it opted in. */
    public Optional<Integer> forKey(String keyId) {
        return Optional.ofNullable(current().get(keyPolicy(keyId)));
    }

    /** The route's own time to live, if it opted in. */
    public Optional<Integer> forRoute(String route) {
        return Optional.ofNullable(current().get(routePolicy(route)));
    }

    /**
     * Opts the key in with this time to live, or out with {@code null} or 0.
     *
     * @throws IllegalArgumentException when the time to live is negative or over {@link #MAX_TTL_SECONDS}
     */
    public void setForKey(String keyId, Integer ttlSeconds) {
        put(keyPolicy(keyId), ttlSeconds);
    }

    /** As {@link #setForKey}, for a route. */
    public void setForRoute(String route, Integer ttlSeconds) {
        put(routePolicy(route), ttlSeconds);
    }

    /** Checks a time to live before anything is written: {@code null} or 0 mean off. */
    public static Integer checked(Integer ttlSeconds) {
        if (ttlSeconds == null || ttlSeconds == 0) {
            return null;
        }
        if (ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("cacheTtlSeconds must be 0 (off) to " + MAX_TTL_SECONDS
                    + " (30 days); got " + ttlSeconds);
        }
        return ttlSeconds;
    }

    private void put(String id, Integer ttlSeconds) {
        Integer ttl = checked(ttlSeconds);
        store.put(id, ttl);
        synchronized (this) {
            Map<String, Integer> next = new HashMap<>(current());
            if (ttl == null) {
                next.remove(id);
            } else {
                next.put(id, ttl);
            }
            policies = Map.copyOf(next);
        }
        announce.fire(new LocalChange(id.startsWith("key:") ? ChangeTopic.KEYS : ChangeTopic.ROUTES));
    }

    /** Another instance changed keys or routes (their cache settings among them): read the policies again. */
    void onRemoteChange(@Observes RemoteChange change) {
        if (change.topic() == ChangeTopic.KEYS || change.topic() == ChangeTopic.ROUTES) {
            stale = true;
        }
    }

    private Map<String, Integer> current() {
        Map<String, Integer> known = policies;
        if (known != null && !stale && System.nanoTime() - readAt < refreshNanos) {
            return known;
        }
        synchronized (this) {
            if (policies != null && policies != known) {
                return policies; // another thread just re-read it
            }
            stale = false;
            try {
                Map<String, Integer> read = new HashMap<>();
                store.all().forEach(p -> read.put(p.id, p.ttlSeconds));
                policies = Map.copyOf(read);
            } catch (RuntimeException e) {
                // the database is unreachable: keep what was known (nothing, at the first read) and try again later
                LOG.log(Level.WARNING, "could not read the response-cache policies; keeping the last known", e);
                if (policies == null) {
                    policies = Map.of();
                }
            }
            readAt = System.nanoTime();
            return policies;
        }
    }

    private static String keyPolicy(String keyId) {
        return "key:" + keyId;
    }

    private static String routePolicy(String route) {
        return "route:" + route;
    }
}
