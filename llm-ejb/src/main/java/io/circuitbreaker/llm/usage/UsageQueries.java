package io.circuitbreaker.llm.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads usage records back. */
@Stateless
public class UsageQueries {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    public List<UsageRecordEntity> recent(int limit) {
        return recent(limit, null);
    }

    /** The newest records, only the given gateway key's when {@code keyId} is not {@code null}. */
    public List<UsageRecordEntity> recent(int limit, String keyId) {
        var query = em.createQuery("select u from UsageRecordEntity u"
                + (keyId == null ? "" : " where u.callerKeyId = :key")
                + " order by u.createdAt desc, u.id desc", UsageRecordEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)));
        if (keyId != null) {
            query.setParameter("key", keyId);
        }
        return query.getResultList();
    }

    public List<UsageRecordEntity> byRequestId(String requestId) {
        return em.createQuery("select u from UsageRecordEntity u where u.requestId = :id", UsageRecordEntity.class)
                .setParameter("id", requestId)
                .getResultList();
    }

    /**
     * Usage of the requests that finished in {@code [from, to)}, one row per group, sorted by group key.
     *
     * <p>The database only selects the rows; they are aggregated in Java by {@link UsageSummaries} because the p95
     * latency has no portable SQL form: PostgreSQL has {@code percentile_cont/percentile_disc ... within group} and
     * Derby has nothing comparable, and JPQL has neither. Only the nine columns a summary needs are loaded.
     *
     * @throws IllegalArgumentException if an argument is missing or {@code from} is not before {@code to}
     */
    public List<UsageSummaryRow> summary(Instant from, Instant to, UsageGrouping by) {
        return summary(from, to, by, null);
    }

    /** As {@link #summary(Instant, Instant, UsageGrouping)}, only the given gateway key's requests unless null. */
    public List<UsageSummaryRow> summary(Instant from, Instant to, UsageGrouping by, String keyId) {
        if (from == null || to == null || by == null) {
            throw new IllegalArgumentException("usage summary needs from, to and groupBy");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("usage summary needs from before to, got from=" + from + " to=" + to);
        }
        var query = em.createQuery("select u.createdAt, u.callerKeyId, u.providerId, u.model, u.outcome,"
                + " u.inputTokens, u.outputTokens, u.costUsd, u.latencyMs from UsageRecordEntity u"
                + " where u.createdAt >= :from and u.createdAt < :to"
                + (keyId == null ? "" : " and u.callerKeyId = :key"), Object[].class)
                // stored as UTC wall-clock time (see UsageRecordEntity.createdAt), so compare in UTC
                .setParameter("from", LocalDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        if (keyId != null) {
            query.setParameter("key", keyId);
        }
        List<Object[]> rows = query.getResultList();
        return UsageSummaries.summarise(rows.stream().map(UsageQueries::facts).toList(), by);
    }

    private static UsageFacts facts(Object[] row) {
        return new UsageFacts((LocalDateTime) row[0], (String) row[1], (String) row[2], (String) row[3],
                UsageEvent.Outcome.valueOf((String) row[4]), intOrNull(row[5]), intOrNull(row[6]),
                (BigDecimal) row[7], ((Number) row[8]).longValue());
    }

    // drivers may hand back any Number for an INTEGER column
    private static Integer intOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
