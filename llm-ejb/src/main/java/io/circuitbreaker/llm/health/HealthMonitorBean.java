package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.config.ApiKeys;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.registry.ProvidersChanged;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.spi.ProviderClientFactory;
import io.circuitbreaker.llm.spi.ProviderTimeouts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the {@link HealthMonitor} for the application's lifetime on the container's managed scheduler (no thread of
 * our own, and Liberty's application context travels with every task). Bean-managed concurrency: the monitor guards
 * its own state, and no request thread ever calls in. With {@code llm.redis.url} set, the instances probe each
 * provider once per interval between them ({@link RedisProbeCoordination}); without it, each probes all.
 */
@Singleton
@Startup
@DependsOn("ProviderRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthMonitorBean {

    private static final Logger LOG = Logger.getLogger(HealthMonitorBean.class.getName());

    @Inject
    ProviderRegistry registry;

    @Inject
    ApiKeys apiKeys;

    @Inject
    ProviderClientFactory adapters;

    @Inject
    ProviderTimeouts timeouts;

    @Inject
    HealthCache cache;

    @Inject
    Config config;

    @Inject
    SharedRedis redis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private HealthMonitor monitor;

    @PostConstruct
    void start() {
        HealthSettings settings = HealthSettings.from(name -> config.getOptionalValue(name, String.class));
        String instance = ProbeCoordination.thisInstance();
        // with Redis, each provider is probed by one instance per interval and the others adopt its result
        ProbeCoordination coordination = redis.configured()
                ? new RedisProbeCoordination(redis, RedisProbeCoordination.DEFAULT_PREFIX, instance,
                        settings.interval())
                : ProbeCoordination.local(instance);
        monitor = new HealthMonitor(new HealthWiring(registry::providers,
                p -> apiKeys.resolve(ProviderHealthService.keyId(p), p.providerType()),
                p -> ProviderHealthReports.keyRequired(p.providerType()),
                (p, key) -> adapters.adapter(p.providerType())
                        .healthCheck(timeouts.endpoint(p.providerType(), p.baseUrl()), key),
                p -> timeouts.endpoint(p.providerType(), p.baseUrl()).healthTimeout(),
                cache, this::schedule, Instant::now, new SplittableRandom(), settings, coordination));
        monitor.start();
        LOG.info(() -> "Provider health monitor started: every " + settings.interval().toMillis() + " ms (+ up to "
                + settings.jitter().toMillis() + " ms jitter), at most " + settings.concurrency()
                + " probes at once, " + (redis.configured() ? "once per cluster (leases in Redis)" : "by this instance")
                + ", as " + instance);
    }

    @PreDestroy
    void stop() {
        monitor.stop();
    }

    /** A provider was configured or removed: probe it now rather than at the next round. */
    public void onProvidersChanged(@Observes ProvidersChanged change) {
        // off the caller's thread (the registry holds its write lock while it fires the event)
        scheduler.execute(() -> monitor.reconcile());
    }

    private Timer.Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = scheduler.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
