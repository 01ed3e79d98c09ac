package io.circuitbreaker.llm.registry.store;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.routing.RouteDefinition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reads and writes the gateway's configuration. Each method is its own short transaction (callers hold none), so a
 * write is committed, or has failed, by the time the method returns and the in-memory registry is updated after it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConfigurationStore {

    static final String CATALOG_SEEDED = "catalog.seeded";
    private static final Logger LOG = Logger.getLogger(ConfigurationStore.class.getName());

    @PersistenceContext(unitName = "llm-gateway")
    EntityManager em;

    /**
     * Writes the default catalog on the very first start, and never again: from then on the database owns the
     * providers, so one an operator removed stays removed and edited prices stay edited.
     *
     * @return whether the catalog was written now
     */
    public boolean seedOnce(List<ProviderDefinition> defaults) {
        if (em.find(SettingEntity.class, CATALOG_SEEDED) != null) {
            return false;
        }
        int position = 0;
        for (ProviderDefinition provider : defaults) {
            if (em.find(ProviderEntity.class, provider.id()) == null) {
                em.persist(EntityMapping.toEntity(provider, position, now()));
            }
            position++;
        }
        em.persist(new SettingEntity(CATALOG_SEEDED, now().toString()));
        LOG.info(() -> "Default catalog written to the database: " + defaults.size() + " providers");
        return true;
    }

    public List<ProviderDefinition> providers() {
        return em.createQuery("select p from ProviderEntity p order by p.position, p.id", ProviderEntity.class)
                .getResultList().stream().map(EntityMapping::toDefinition).toList();
    }

    /** Creates or replaces a provider configuration; a new one is listed after the existing ones. */
    public void save(ProviderDefinition provider) {
        ProviderEntity existing = em.find(ProviderEntity.class, provider.id());
        if (existing == null) {
            Integer last = em.createQuery("select max(p.position) from ProviderEntity p", Integer.class)
                    .getSingleResult();
            em.persist(EntityMapping.toEntity(provider, last == null ? 0 : last + 1, now()));
            return;
        }
        ProviderEntity replacement = EntityMapping.toEntity(provider, existing.position, now());
        existing.providerType = replacement.providerType;
        existing.name = replacement.name;
        existing.baseUrl = replacement.baseUrl;
        existing.apiKeyId = replacement.apiKeyId;
        existing.updatedAt = replacement.updatedAt;
        existing.models.clear();
        existing.models.addAll(replacement.models);
    }

    /**
     * Stores several provider definitions and settings in one transaction: an import is applied whole or not at all.
     */
    public void saveAll(List<ProviderDefinition> providers, Map<String, String> settings) {
        for (ProviderDefinition provider : providers) {
            save(provider);
        }
        settings.forEach((name, value) -> {
            SettingEntity existing = em.find(SettingEntity.class, name);
            if (existing == null) {
                em.persist(new SettingEntity(name, value));
            } else {
                existing.value = value;
            }
        });
    }

    /** The names of the settings that start with {@code prefix} (settings are few: read all, filter here). */
    public Set<String> settingNames(String prefix) {
        return em.createQuery("select s.name from SettingEntity s", String.class).getResultList().stream()
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean removeProvider(String id) {
        ProviderEntity existing = em.find(ProviderEntity.class, id);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        return true;
    }

    public List<RouteDefinition> routes() {
        return em.createQuery("select r from RouteEntity r order by r.name", RouteEntity.class)
                .getResultList().stream().map(EntityMapping::toDefinition).toList();
    }

    public void save(RouteDefinition route) {
        RouteEntity entity = EntityMapping.toEntity(route, now());
        if (em.find(RouteEntity.class, route.name()) == null) {
            em.persist(entity);
        } else {
            em.merge(entity);
        }
    }

    public boolean removeRoute(String name) {
        RouteEntity existing = em.find(RouteEntity.class, name);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        return true;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
