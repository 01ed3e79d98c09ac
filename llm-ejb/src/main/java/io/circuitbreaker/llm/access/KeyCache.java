package io.circuitbreaker.llm.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway keys in memory, read on every request: by hash to authenticate, by id to admit. A plain CDI bean, not
 * the {@link GatewayKeys} EJB that fills it, so a lookup is a hash and a map read without an EJB invocation (two per
 * request otherwise; docs/performance.md).
 */
@ApplicationScoped
public class KeyCache {

    /** At most one re-read of the key table every 100 ms for keys this instance does not know. */
    private static final long MISS_RELOAD_NANOS = 100_000_000L;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private volatile Runnable reload;
    private final Object reloading = new Object();
    private long nextMissReload = System.nanoTime();
    private long lastReloadStart = System.nanoTime() - MISS_RELOAD_NANOS;

    /**
     * The active key whose secret this is. A key this instance does not know may have been created on another
     * instance a moment ago (its change notice still on the way): the answer then waits for a re-read of the key
     * table that began after the request arrived. Re-reads happen at most every 100 ms whatever the callers send, and
     * one serves every request that waited for it, so a flood of wrong keys costs ten small queries a second and
     * delays each wrong key's 401 by at most 100 ms.
     */
    public Optional<GatewayKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        String hash = KeySecrets.hash(presented);
        GatewayKey known = snapshot.activeByHash().get(hash);
        if (known != null || reload == null) {
            return Optional.ofNullable(known);
        }
        long arrived = System.nanoTime();
        synchronized (reloading) {
            while (true) {
                known = snapshot.activeByHash().get(hash);
                if (known != null || lastReloadStart - arrived >= 0) {
                    return Optional.ofNullable(known);
                }
                long now = System.nanoTime();
                long wait = nextMissReload - now;
                if (wait <= 0) {
                    nextMissReload = now + MISS_RELOAD_NANOS;
                    lastReloadStart = now;
                    try {
                        reload.run();
                    } finally {
                        reloading.notifyAll();
                    }
                } else {
                    try {
                        reloading.wait(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }
        }
    }

    /** How to read the key table again (set by {@link GatewayKeys} once it has filled this cache). */
    void reloadOnMissWith(Runnable reload) {
        this.reload = reload;
    }

    /** A key by id, active or revoked. */
    public Optional<GatewayKey> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(snapshot.byId().get(id));
    }

    /** Every key, oldest first. */
    public List<GatewayKey> list() {
        return snapshot.byId().values().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    /** Replaces both views at once, so a reader never sees one without the other. */
    void replace(Map<String, GatewayKey> activeByHash, Map<String, GatewayKey> byId) {
        snapshot = new Snapshot(Map.copyOf(activeByHash), Map.copyOf(byId));
    }

    private record Snapshot(Map<String, GatewayKey> activeByHash, Map<String, GatewayKey> byId) {
    }
}
