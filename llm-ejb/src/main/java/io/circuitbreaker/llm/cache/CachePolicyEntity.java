package io.circuitbreaker.llm.cache;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A gateway key's or a route's opt-in to the response cache. A table of its own rather than columns on the key and
 * route tables: a route from configuration has no row to add a column to, and the cache's settings stay the cache's.
 */
@Entity
@Table(name = "LLM_CACHE_POLICY")
public class CachePolicyEntity {

    /** {@code key:<key id>} or {@code route:<route name>}. */
    @Id
    @Column(name = "ID", length = 200)
    public String id;

    @Column(name = "TTL_SECONDS", nullable = false)
    public int ttlSeconds;

    /** UTC wall-clock time of the last change. */
    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;
}
