package io.circuitbreaker.llm.cache;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads and writes cache policies. Each method is its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CachePolicyStore {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    public List<CachePolicyEntity> all() {
        // from the table, not a cache: another gateway on the same database may have written it
        return em.createQuery("select p from CachePolicyEntity p", CachePolicyEntity.class)
                .setHint("eclipselink.refresh", "TRUE")
                .getResultList();
    }

    /** Sets the policy, or removes it when {@code ttlSeconds} is {@code null}. */
    public void put(String id, Integer ttlSeconds) {
        CachePolicyEntity policy = em.find(CachePolicyEntity.class, id);
        if (ttlSeconds == null) {
            if (policy != null) {
                em.remove(policy);
            }
            return;
        }
        if (policy == null) {
            policy = new CachePolicyEntity();
            policy.id = id;
            em.persist(policy);
        }
        policy.ttlSeconds = ttlSeconds;
        policy.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
    }
}
