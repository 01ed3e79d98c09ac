package io.circuitbreaker.llm.responses;

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
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired stored responses every few minutes, at most {@link #BATCH} per transaction and {@link #BATCHES} per
 * run, so one run's work is bounded however many expired at once (the rest go in the next run; meanwhile they are not
 * served, {@link ResponseStore#find}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResponsePurge {

    static final int BATCH = 500;
    static final int BATCHES = 10;
    private static final long PERIOD_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(ResponsePurge.class.getName());

    @EJB
    ResponseStore store;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::run, 1, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        try {
            Instant now = Instant.now();
            int deleted = 0;
            for (int i = 0; i < BATCHES; i++) {
                int batch = store.purgeExpired(now, BATCH);
                deleted += batch;
                if (batch < BATCH) {
                    break;
                }
            }
            int total = deleted;
            if (total > 0) {
                LOG.fine(() -> "deleted " + total + " expired stored responses");
            }
        } catch (RuntimeException e) {
            // the next run tries again; expired responses are not served in the meantime
            LOG.log(Level.WARNING, "could not delete expired stored responses", e);
        }
    }
}
