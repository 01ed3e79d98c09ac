package io.circuitbreaker.llm.usage;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/** Reads usage records back. */
@Stateless
public class UsageQueries {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    @Resource(lookup = "jdbc/llmgateway")
    DataSource dataSource;

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
     * <p>Aggregated by the database in one {@code GROUP BY} ({@link UsageSummarySql}): no usage row is loaded into the
     * JVM, so a month of a busy gateway costs what its groups cost, not what its requests cost.
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
        try (Connection connection = dataSource.getConnection()) {
            List<UsageSummaryRow> rows = new ArrayList<>(UsageSummarySql.read(connection, from, to, by, keyId));
            rows.sort(Comparator.comparing(UsageSummaryRow::group, by.order()));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the usage summary: " + e.getMessage(), e);
        }
    }

    /**
     * Usage per UTC hour or day of the requests that finished in {@code [from, to)}, split by provider, model or
     * key, with every bucket present (see {@link UsageSeries}); only the given gateway key's requests unless
     * {@code keyId} is null. Aggregated by the database ({@link UsageSeriesSql}), like {@link #summary}.
     *
     * @throws IllegalArgumentException if an argument is missing, {@code from} is not before {@code to}, the range
     *         has more than {@link UsageBucket#MAX_BUCKETS} buckets, or {@code by} is DAY (the bucket splits by time)
     */
    public UsageSeries series(Instant from, Instant to, UsageBucket bucket, UsageGrouping by, String keyId) {
        if (from == null || to == null || bucket == null || by == null) {
            throw new IllegalArgumentException("usage series needs from, to, bucket and groupBy");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("usage series needs from before to, got from=" + from + " to=" + to);
        }
        if (by == UsageGrouping.DAY) {
            throw new IllegalArgumentException("groupBy DAY is not a series grouping; choose bucket DAY");
        }
        long buckets = bucket.count(from, to);
        if (buckets > UsageBucket.MAX_BUCKETS) {
            throw new IllegalArgumentException("usage series has " + buckets + " " + bucket + " buckets, at most "
                    + UsageBucket.MAX_BUCKETS + " are allowed");
        }
        try (Connection connection = dataSource.getConnection()) {
            return UsageSeriesSql.read(connection, from, to, bucket, by, keyId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the usage series: " + e.getMessage(), e);
        }
    }
}
