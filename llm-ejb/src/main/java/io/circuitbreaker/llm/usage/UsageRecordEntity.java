package io.circuitbreaker.llm.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One routed request, as stored. Indexed for the summary queries (by time, provider, model, caller key). */
@Entity
@Table(name = "LLM_USAGE_RECORD", indexes = {
    @Index(name = "IDX_USAGE_CREATED", columnList = "CREATED_AT"),
    @Index(name = "IDX_USAGE_PROVIDER", columnList = "PROVIDER_ID, CREATED_AT"),
    @Index(name = "IDX_USAGE_MODEL", columnList = "MODEL, CREATED_AT"),
    @Index(name = "IDX_USAGE_CALLER", columnList = "CALLER_KEY_ID, CREATED_AT"),
    @Index(name = "IDX_USAGE_REQUEST", columnList = "REQUEST_ID")
})
public class UsageRecordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public Long id;

    @Column(name = "REQUEST_ID", length = 64, nullable = false)
    public String requestId;

    /**
     * The usage journal's id for the event ({@link JournaledEvent#eventId}): what a replay after a crash checks to
     * skip records already written. Null for records written before the journal existed.
     */
    @Column(name = "EVENT_ID", length = 40)
    public String eventId;

    /**
     * When the request finished, in UTC. A LocalDateTime because Jakarta Persistence 3.1 has no mapping for Instant
     * (EclipseLink would store it as a BLOB, which cannot be indexed or compared).
     */
    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "CALLER_KEY_ID", length = 128)
    public String callerKeyId;

    @Column(name = "ROUTE", length = 128)
    public String route;

    @Column(name = "REQUESTED_MODEL", length = 256)
    public String requestedModel;

    @Column(name = "PROVIDER_ID", length = 128)
    public String providerId;

    @Column(name = "PROVIDER_TYPE", length = 32)
    public String providerType;

    @Column(name = "MODEL", length = 256)
    public String model;

    @Column(name = "STREAMED", nullable = false)
    public boolean streamed;

    @Column(name = "ATTEMPTS", nullable = false)
    public int attempts;

    @Column(name = "FALLBACKS", nullable = false)
    public int fallbacks;

    /** Every try, e.g. {@code primary/gpt-4o#1:UNAVAILABLE(503),secondary/claude-3-haiku#1:SUCCEEDED}. */
    @Column(name = "ATTEMPT_LOG", length = 2000)
    public String attemptLog;

    @Column(name = "INPUT_TOKENS")
    public Integer inputTokens;

    @Column(name = "OUTPUT_TOKENS")
    public Integer outputTokens;

    @Column(name = "CACHED_INPUT_TOKENS")
    public Integer cachedInputTokens;

    @Column(name = "REASONING_TOKENS")
    public Integer reasoningTokens;

    /** US dollars, exact; null for unpriced models. */
    @Column(name = "COST_USD", precision = 24, scale = 12)
    public BigDecimal costUsd;

    @Column(name = "LATENCY_MS", nullable = false)
    public long latencyMs;

    @Column(name = "TTFT_MS")
    public Long timeToFirstTokenMs;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    public String outcome;

    @Column(name = "ERROR_KIND", length = 32)
    public String errorKind;

    /** Which parts were billed at which price ({@link io.circuitbreaker.llm.catalog.CostDetail}); null if unpriced. */
    @Column(name = "COST_DETAIL", length = 500)
    public String costDetail;

    /**
     * {@code HIT} or {@code MISS} when the response cache applied to the request, else null (and null on every record
     * written before the cache existed: a nullable column, so create-or-extend-tables adds it to an existing table).
     */
    @Column(name = "CACHE_STATUS", length = 8)
    public String cacheStatus;

    /** US dollars a cache hit saved: what the cached answer cost when it was produced; null otherwise. */
    @Column(name = "COST_SAVED", precision = 24, scale = 12)
    public BigDecimal costSaved;
}
