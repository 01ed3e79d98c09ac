package io.circuitbreaker.llm.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A route configured through the API, as stored. Candidates are kept as one text column,
 * {@code model*weight,model*weight}, since model references never contain {@code ,} or {@code *}.
 */
@Entity
@Table(name = "LLM_ROUTE")
public class RouteEntity {

    @Id
    @Column(name = "NAME", length = 128)
    public String name;

    @Column(name = "STRATEGY", length = 16, nullable = false)
    public String strategy;

    @Column(name = "CANDIDATES", length = 4000, nullable = false)
    public String candidates;

    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;
}
