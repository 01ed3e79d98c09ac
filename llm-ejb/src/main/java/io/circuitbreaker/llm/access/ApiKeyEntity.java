package io.circuitbreaker.llm.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A stored gateway key: its SHA-256 hash, never the secret. Times are UTC. */
@Entity
@Table(name = "LLM_API_KEY")
public class ApiKeyEntity {

    @Id
    @Column(name = "ID", length = 40)
    public String id;

    @Column(name = "NAME", length = 128, nullable = false)
    public String name;

    @Column(name = "KEY_ROLE", length = 16, nullable = false)
    public String role;

    @Column(name = "SECRET_HASH", length = 64, nullable = false, unique = true)
    public String secretHash;

    @Column(name = "DISPLAY_PREFIX", length = 32, nullable = false)
    public String prefix;

    /** {@code api}, {@code env} (LLM_GATEWAY_ADMIN_KEY) or {@code generated} (first start). */
    @Column(name = "ORIGIN", length = 16, nullable = false)
    public String origin;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "REVOKED_AT")
    public LocalDateTime revokedAt;

    @Column(name = "REQUESTS_PER_MINUTE")
    public Integer requestsPerMinute;

    @Column(name = "TOKENS_PER_MINUTE")
    public Integer tokensPerMinute;

    @Column(name = "BUDGET_USD", precision = 30, scale = 15)
    public BigDecimal budgetUsd;

    @Column(name = "BUDGET_PERIOD", length = 8)
    public String budgetPeriod;
}
