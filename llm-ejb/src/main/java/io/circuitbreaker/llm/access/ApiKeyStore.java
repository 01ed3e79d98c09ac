package io.circuitbreaker.llm.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads and writes gateway keys, and sums a key's recorded spend. Each method is its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ApiKeyStore {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    public List<ApiKeyEntity> all() {
        // from the table, not EclipseLink's shared cache: another gateway on the same database may have written it
        return em.createQuery("select k from ApiKeyEntity k order by k.createdAt, k.id", ApiKeyEntity.class)
                .setHint("eclipselink.refresh", "TRUE")
                .getResultList();
    }

    public void insert(ApiKeyEntity key) {
        em.persist(key);
    }

    /** Marks active keys revoked; returns how many were. */
    public int revoke(List<String> ids, Instant at) {
        int revoked = 0;
        for (String id : ids) {
            ApiKeyEntity key = em.find(ApiKeyEntity.class, id);
            if (key != null && key.revokedAt == null) {
                key.revokedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                revoked++;
            }
        }
        return revoked;
    }

    /** Makes a revoked key active again, as an admin key (LLM_GATEWAY_ADMIN_KEY set back to an earlier value). */
    public void reactivateAsAdmin(String id) {
        ApiKeyEntity key = em.find(ApiKeyEntity.class, id);
        if (key != null) {
            key.revokedAt = null;
            key.role = Role.ADMIN.roleName();
        }
    }

    /** The recorded cost of the key's requests since {@code since}; zero when there are none. */
    public BigDecimal spentSince(String keyId, Instant since) {
        BigDecimal sum = em.createQuery("select sum(u.costUsd) from UsageRecordEntity u "
                        + "where u.callerKeyId = :key and u.createdAt >= :since", BigDecimal.class)
                .setParameter("key", keyId)
                .setParameter("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC))
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
