package io.circuitbreaker.llm.usage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Writes a batch of usage records in one transaction: one commit for many rows. */
@Stateless
public class UsageWriter {

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<UsageEvent> batch) {
        for (UsageEvent event : batch) {
            em.persist(event.toEntity());
        }
    }
}
