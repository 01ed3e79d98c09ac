package io.circuitbreaker.llm.cluster;

import io.circuitbreaker.llm.shared.SharedRedis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Tells the other gateway instances what this one changed, and this one what they changed.
 *
 * <p>Notices go over Redis pub/sub when {@code llm.redis.url} is set, else over PostgreSQL LISTEN/NOTIFY when the
 * database is PostgreSQL; with neither (embedded Derby) the gateway is a single instance and nothing is sent. The
 * channel is read ten times a second on the container's scheduler, so a change is in force elsewhere well within a
 * second. Every {@code llm.cluster.refresh-seconds} (30 by default) the providers and routes are re-read anyway, in
 * case a notice was lost while the channel was down.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeBus {

    static final String REFRESH_PROPERTY = "llm.cluster.refresh-seconds";
    private static final Logger LOG = Logger.getLogger(ChangeBus.class.getName());
    private static final long POLL_MILLIS = 100;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Inject
    SharedRedis redis;

    @Inject
    Config config;

    @Inject
    Event<RemoteChange> remote;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Tells this instance's own notices from the others' (every instance hears its own too). */
    private final String instance = UUID.randomUUID().toString();
    private final Set<ChangeTopic> pending = ConcurrentHashMap.newKeySet();
    private ChannelTransport transport;
    private ScheduledFuture<?> poller;
    private ScheduledFuture<?> safetyNet;
    private volatile long nextFailureLog;

    @PostConstruct
    void start() {
        transport = redis.configured() ? new RedisTransport(redis)
                : PostgresTransport.from(name -> config.getOptionalValue(name, String.class)).orElse(null);
        if (transport == null) {
            LOG.info("Single instance (no Redis, no PostgreSQL): configuration changes are not announced");
            return;
        }
        poller = scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        long seconds = config.getOptionalValue(REFRESH_PROPERTY, Long.class).orElse(30L);
        if (seconds > 0) {
            safetyNet = scheduler.scheduleWithFixedDelay(
                    () -> pending.addAll(EnumSet.of(ChangeTopic.PROVIDERS, ChangeTopic.ROUTES)),
                    seconds, seconds, TimeUnit.SECONDS);
        }
        LOG.info(() -> "Configuration changes are announced to the other instances over " + transport.describe()
                + " (this instance: " + instance + ")");
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
        if (safetyNet != null) {
            safetyNet.cancel(false);
        }
        if (transport != null) {
            transport.close();
        }
    }

    /** This instance committed a change: the others re-read it. */
    public void onLocalChange(@Observes LocalChange change) {
        if (transport == null) {
            return;
        }
        try {
            transport.publish(new ChangeNotice(instance, change.topic()).encode());
        } catch (RuntimeException e) {
            // the others see it at their next periodic re-read
            logFailure("could not announce a change of " + change.topic(), e);
        }
    }

    private void poll() {
        try {
            transport.poll(message -> ChangeNotice.decode(message)
                    .filter(notice -> !notice.instance().equals(instance))
                    .ifPresent(notice -> pending.add(notice.topic())));
        } catch (RuntimeException e) {
            logFailure("cannot read change notices from " + transport.describe(), e);
        }
        for (ChangeTopic topic : ChangeTopic.values()) {
            if (pending.remove(topic)) {
                try {
                    remote.fire(new RemoteChange(topic));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "re-reading " + topic + " after a change elsewhere failed", e);
                }
            }
        }
    }

    private void logFailure(String what, RuntimeException e) {
        long now = System.nanoTime();
        if (now - nextFailureLog >= 0) {
            nextFailureLog = now + LOG_EVERY_NANOS;
            LOG.warning(() -> what + " (" + e.getMessage() + "); logged at most every 30 s");
        }
    }
}
