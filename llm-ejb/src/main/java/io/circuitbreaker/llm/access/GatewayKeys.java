package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.cluster.ChangeTopic;
import io.circuitbreaker.llm.cluster.LocalChange;
import io.circuitbreaker.llm.cluster.RemoteChange;
import io.circuitbreaker.llm.cluster.StartupLock;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway keys: checks a presented key against the stored hashes, creates and revokes keys, and makes sure an
 * admin key exists from the first start on.
 *
 * <p>All keys are held in memory ({@link KeyCache}, a few hundred at most), so checking a key on the request path is a
 * hash and a map lookup, never a database read. Writes go to the database first, then replace the in-memory view.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayKeys {

    /** MicroProfile Config name of the bootstrap admin key; the environment variable is LLM_GATEWAY_ADMIN_KEY. */
    public static final String ADMIN_KEY_PROPERTY = "llm.gateway.admin-key";
    /** Seconds between re-reads of the key table (0: never); env LLM_KEYS_REFRESH_SECONDS. */
    static final String REFRESH_PROPERTY = "llm.keys.refresh-seconds";
    private static final Logger LOG = Logger.getLogger(GatewayKeys.class.getName());

    @EJB
    ApiKeyStore store;

    @Inject
    Config config;

    @Inject
    KeyCache cache;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<LocalChange> announce;

    @Inject
    StartupLock startupLock;

    private ScheduledFuture<?> refresher;

    @PostConstruct
    void start() {
        Optional<String> configured = config.getOptionalValue(ADMIN_KEY_PROPERTY, String.class)
                .map(String::trim).filter(value -> !value.isEmpty());
        // replicas starting together on a new database: one makes the admin key, the others then find it
        startupLock.run("Gateway keys", () -> {
            reload();
            if (configured.isPresent()) {
                adoptConfiguredAdminKey(configured.get());
            } else if (activeKeys().stream().noneMatch(k -> k.role() == Role.ADMIN)) {
                generateAdminKey();
            }
        });
        cache.reloadOnMissWith(this::refresh);
        // several gateways on one database: keys created or revoked on another instance are seen here within this
        long seconds = config.getOptionalValue(REFRESH_PROPERTY, Long.class).orElse(30L);
        if (seconds > 0) {
            refresher = scheduler.scheduleWithFixedDelay(this::refresh, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    private void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            // the keys in memory stay valid; the next refresh tries again
            LOG.log(Level.WARNING, "could not re-read the gateway keys from the database", e);
        }
    }


    /**
     * Creates a key; its secret is returned this once.
     *
     * @throws IllegalArgumentException when the name is blank or too long
     */
    public synchronized CreatedKey create(String name, Role role, KeyLimits limits) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 128) {
            throw new IllegalArgumentException("name must be 1 to 128 characters");
        }
        String secret = KeySecrets.generate();
        ApiKeyEntity entity = KeyMapping.newEntity(trimmed, role, limits == null ? KeyLimits.NONE : limits, secret,
                "api", Instant.now());
        store.insert(entity);
        reload();
        announce.fire(new LocalChange(ChangeTopic.KEYS));
        return new CreatedKey(secret, cache.byId(entity.id).orElseThrow());
    }

    /**
     * Revokes a key at once.
     *
     * @return the revoked key, or empty when there is no active key with this id
     * @throws IllegalStateException when it is the last active admin key (nobody could manage the gateway after)
     */
    public synchronized Optional<GatewayKey> revoke(String id) {
        GatewayKey key = cache.byId(id).orElse(null);
        if (key == null || !key.isActive()) {
            return Optional.empty();
        }
        if (key.role() == Role.ADMIN && activeKeys().stream().filter(k -> k.role() == Role.ADMIN).count() == 1) {
            throw new IllegalStateException("this is the last active admin key; create another admin key first");
        }
        store.revoke(List.of(id), Instant.now());
        reload();
        announce.fire(new LocalChange(ChangeTopic.KEYS));
        LOG.info(() -> "Gateway key revoked: " + id + " (" + key.name() + ")");
        return cache.byId(id);
    }

    /** Another instance created or revoked a key: the key table is read again, so a revocation holds here too. */
    public void onRemoteChange(@Observes RemoteChange change) {
        if (change.topic() == ChangeTopic.KEYS) {
            reload();
        }
    }

    private List<GatewayKey> activeKeys() {
        return cache.list().stream().filter(GatewayKey::isActive).toList();
    }

    private synchronized void reload() {
        Map<String, GatewayKey> active = new HashMap<>();
        Map<String, GatewayKey> all = new HashMap<>();
        for (ApiKeyEntity entity : store.all()) {
            GatewayKey key = KeyMapping.toKey(entity);
            all.put(key.id(), key);
            if (key.isActive()) {
                active.put(entity.secretHash, key);
            }
        }
        cache.replace(active, all);
    }

    /** LLM_GATEWAY_ADMIN_KEY is the admin key: a new value replaces the key the previous value made. */
    private synchronized void adoptConfiguredAdminKey(String secret) {
        if (secret.length() < KeySecrets.MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException(ADMIN_KEY_PROPERTY + " (LLM_GATEWAY_ADMIN_KEY) must be at least "
                    + KeySecrets.MIN_CONFIGURED_LENGTH + " characters; generate one with: openssl rand -hex 32");
        }
        if (cache.authenticate(secret).filter(k -> k.role() == Role.ADMIN).isPresent()) {
            return;
        }
        String hash = KeySecrets.hash(secret);
        ApiKeyEntity same = null;
        List<String> previous = new ArrayList<>();
        for (ApiKeyEntity entity : store.all()) {
            if (entity.secretHash.equals(hash)) {
                same = entity;
            } else if ("env".equals(entity.origin) && entity.revokedAt == null) {
                previous.add(entity.id);
            }
        }
        if (same != null && !"env".equals(same.origin)) {
            // a key made through the API (or generated) must not turn into the admin key by configuration
            throw new IllegalStateException(ADMIN_KEY_PROPERTY + " (LLM_GATEWAY_ADMIN_KEY) has the value of gateway "
                    + "key " + same.id + ", which was not made from this setting; choose another value");
        }
        if (same != null) {
            store.reactivateAsAdmin(same.id); // set back to an earlier value: that key is the admin key again
        } else {
            store.insert(KeyMapping.newEntity("bootstrap admin (LLM_GATEWAY_ADMIN_KEY)", Role.ADMIN,
                    KeyLimits.NONE, secret, "env", Instant.now()));
        }
        store.revoke(previous, Instant.now());
        reload();
        LOG.info(() -> "Admin key from LLM_GATEWAY_ADMIN_KEY is active" + (previous.isEmpty() ? ""
                : "; the key of its previous value is revoked"));
    }

    /** First start without LLM_GATEWAY_ADMIN_KEY: an admin key is made and shown once, in the server log. */
    private synchronized void generateAdminKey() {
        String secret = KeySecrets.generate();
        store.insert(KeyMapping.newEntity("bootstrap admin (generated)", Role.ADMIN, KeyLimits.NONE, secret,
                "generated", Instant.now()));
        reload();
        // WARNING so it shows on the console too; the secret is shown here once and stored only as a hash
        LOG.warning("No admin key was configured (LLM_GATEWAY_ADMIN_KEY) and none is stored, so one was generated."
                + " It is shown this once and stored only as a hash:\n\n    " + secret + "\n\n"
                + "Send it as 'Authorization: Bearer <key>' to /graphql to create client keys (createApiKey). To"
                + " choose the admin key yourself, set LLM_GATEWAY_ADMIN_KEY (at least 16 characters) and restart.");
    }
}
