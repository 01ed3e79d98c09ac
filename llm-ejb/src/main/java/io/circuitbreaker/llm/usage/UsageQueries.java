package io.circuitbreaker.llm.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads usage records back. */
@Stateless
public class UsageQueries {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    public List<UsageRecordEntity> recent(int limit) {
        return em.createQuery("select u from UsageRecordEntity u order by u.id desc", UsageRecordEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultList();
    }

    public List<UsageRecordEntity> byRequestId(String requestId) {
        return em.createQuery("select u from UsageRecordEntity u where u.requestId = :id", UsageRecordEntity.class)
                .setParameter("id", requestId)
                .getResultList();
    }
}
