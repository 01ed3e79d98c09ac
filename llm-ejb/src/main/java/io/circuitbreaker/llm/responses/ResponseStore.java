package io.circuitbreaker.llm.responses;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes stored responses. Each method is its own short transaction. Reads answer only the owning key and
 * only within the retention ({@link StoredResponse#visibleTo}); an expired response met on access is deleted then,
 * the rest by {@link ResponsePurge}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ResponseStore {

    /** Oldest responses of one key deleted at most per save: a save's own work stays bounded. */
    static final int MAX_EVICTED_PER_SAVE = 100;

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    /** Stores {@code response}; when its key then holds more than {@code maxPerKey}, its oldest are deleted. */
    public void save(StoredResponse response, int maxPerKey) {
        em.persist(toEntity(response));
        em.flush();
        long held = em.createQuery("select count(r) from StoredResponseEntity r where r.keyId = :key", Long.class)
                .setParameter("key", response.keyId()).getSingleResult();
        int excess = (int) Math.min(MAX_EVICTED_PER_SAVE, held - maxPerKey);
        if (excess > 0) {
            em.createQuery("select r from StoredResponseEntity r where r.keyId = :key order by r.createdAt, r.id",
                    StoredResponseEntity.class).setParameter("key", response.keyId()).setMaxResults(excess)
                    .getResultList().forEach(em::remove);
        }
    }

    /** The response, when {@code keyId} made it and it has not expired at {@code now}. */
    public Optional<StoredResponse> find(String id, String keyId, Instant now) {
        StoredResponseEntity entity = em.find(StoredResponseEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        StoredResponse stored = toRecord(entity);
        if (stored.expiredAt(now)) {
            em.remove(entity);
            return Optional.empty();
        }
        return stored.visibleTo(keyId, now) ? Optional.of(stored) : Optional.empty();
    }

    /** Deletes the response when {@code keyId} may see it; whether it did. */
    public boolean delete(String id, String keyId, Instant now) {
        StoredResponseEntity entity = em.find(StoredResponseEntity.class, id);
        if (entity == null || !toRecord(entity).visibleTo(keyId, now)) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    /** Deletes at most {@code max} responses expired at {@code now}; how many it deleted. */
    public int purgeExpired(Instant now, int max) {
        List<StoredResponseEntity> expired = em.createQuery(
                "select r from StoredResponseEntity r where r.expiresAt <= :now order by r.expiresAt",
                StoredResponseEntity.class).setParameter("now", utc(now)).setMaxResults(max).getResultList();
        expired.forEach(em::remove);
        return expired.size();
    }

    static StoredResponseEntity toEntity(StoredResponse response) {
        StoredResponseEntity entity = new StoredResponseEntity();
        entity.id = response.id();
        entity.keyId = response.keyId();
        entity.createdAt = utc(response.createdAt());
        entity.expiresAt = utc(response.expiresAt());
        entity.responseJson = response.responseJson();
        entity.inputJson = response.inputJson();
        return entity;
    }

    static StoredResponse toRecord(StoredResponseEntity entity) {
        return new StoredResponse(entity.id, entity.keyId, entity.createdAt.toInstant(ZoneOffset.UTC),
                entity.expiresAt.toInstant(ZoneOffset.UTC), entity.responseJson, entity.inputJson);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
