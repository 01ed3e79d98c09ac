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

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    /** The active key whose secret this is. */
    public Optional<GatewayKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.activeByHash().get(KeySecrets.hash(presented)));
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
