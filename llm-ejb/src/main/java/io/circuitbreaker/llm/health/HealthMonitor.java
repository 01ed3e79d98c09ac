package io.circuitbreaker.llm.health;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.spi.HealthProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes every configured provider in the background, each on its own schedule: after a probe finishes, the next one
 * of that provider is due one interval plus a random jitter later, so two probes of a provider are always at least
 * an interval apart and providers drift apart instead of probing in lockstep. At most
 * {@link HealthSettings#concurrency()} probes are in flight; the rest wait their turn. A probe that outlives its
 * timeout counts as failed. A provider whose key is missing is never called.
 *
 * <p>Several instances probe once between them ({@link ProbeCoordination}, through Redis): before a provider's round
 * an instance asks whether it is the one to probe. If another instance holds the round, this one adopts that
 * instance's shared result instead; a shared result older than two intervals counts as missing, and when none comes
 * within one probe timeout this instance probes itself (the holder may have died). A probe because the provider's
 * upstream changed here runs at once, without asking. Whatever is probed here is shared.
 *
 * <p>All bookkeeping is guarded by this object's lock and only ever touched by timer tasks and probe callbacks,
 * never by a request thread: readers go to the {@link HealthCache}. Coordination calls (Redis round trips) are made
 * outside the lock.
 */
public final class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class.getName());
    /** Lets the adapter's own timeout (same limit) report its typed error first; ours only catches a hung probe. */
    static final Duration TIMEOUT_GRACE = Duration.ofMillis(250);

    private final HealthWiring wiring;
    /** Providers under watch, by id, with what identifies the upstream they were probed at. */
    private final Map<String, String> tracked = new HashMap<>();
    private final Map<String, Timer.Cancellable> timers = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    /** Providers whose round is being decided with the other instances right now. */
    private final Set<String> coordinating = new HashSet<>();
    /** Providers whose next probe skips coordination: their upstream changed here, so they are probed at once. */
    private final Set<String> probeLocally = new HashSet<>();
    /** Providers whose round another instance holds without a fresh shared result: given one probe timeout. */
    private final Set<String> awaitingHolder = new HashSet<>();
    private Timer.Cancellable sweep;
    private boolean stopped;

    public HealthMonitor(HealthWiring wiring) {
        this.wiring = wiring;
    }

    /** Starts watching: every provider is probed within one jitter from now, then every interval. */
    public synchronized void start() {
        stopped = false;
        reconcile();
        scheduleSweep();
    }

    public synchronized void stop() {
        stopped = true;
        timers.values().forEach(Timer.Cancellable::cancel);
        timers.clear();
        waiting.clear();
        coordinating.clear();
        probeLocally.clear();
        awaitingHolder.clear();
        if (sweep != null) {
            sweep.cancel();
        }
    }

    /**
     * Brings the schedule in line with the configuration: a new provider is probed soon, a provider whose upstream
     * changed (type, base URL or key reference) is probed now, a removed one is forgotten.
     */
    public synchronized void reconcile() {
        if (stopped) {
            return;
        }
        List<ProviderDefinition> providers = wiring.providers().get();
        Set<String> ids = new HashSet<>();
        for (ProviderDefinition provider : providers) {
            ids.add(provider.id());
            String fingerprint = fingerprint(provider);
            String known = tracked.put(provider.id(), fingerprint);
            if (known == null) {
                schedule(provider.id(), jitter());
            } else if (!known.equals(fingerprint) && timers.containsKey(provider.id())) {
                probeLocally.add(provider.id());
                schedule(provider.id(), Duration.ZERO);
            }
            // a changed provider whose probe is in flight, waiting or being coordinated is probed again when that
            // one finishes
        }
        for (String id : Set.copyOf(tracked.keySet())) {
            if (!ids.contains(id)) {
                tracked.remove(id);
                Timer.Cancellable timer = timers.remove(id);
                if (timer != null) {
                    timer.cancel();
                }
                waiting.remove(id);
                probeLocally.remove(id);
                awaitingHolder.remove(id);
            }
        }
        wiring.cache().retainOnly(ids);
    }

    /** How many probes are running now (for tests and diagnostics). */
    public synchronized int probesInFlight() {
        return inFlight.size();
    }

    private void schedule(String id, Duration delay) {
        Timer.Cancellable previous = timers.remove(id);
        if (previous != null) {
            previous.cancel();
        }
        timers.put(id, wiring.timer().schedule(() -> due(id), delay));
    }

    private void scheduleSweep() {
        // a safety net: a configuration change that no event announced is picked up within one interval
        sweep = wiring.timer().schedule(() -> {
            synchronized (this) {
                if (!stopped) {
                    reconcile();
                    scheduleSweep();
                }
            }
        }, wiring.settings().interval());
    }

    private void due(String id) {
        ProviderDefinition provider;
        synchronized (this) {
            timers.remove(id);
            if (stopped || !tracked.containsKey(id) || inFlight.contains(id) || waiting.contains(id)
                    || coordinating.contains(id)) {
                return;
            }
            if (probeLocally.remove(id)) {
                enqueue(id);
                return;
            }
            provider = configured(id).orElse(null);
            if (provider == null) {
                return;
            }
            if (!callable(provider)) {
                // this instance cannot probe it: it takes no lease either (launch says why)
                enqueue(id);
                return;
            }
            coordinating.add(id);
        }
        String fingerprint = fingerprint(provider);
        ProbeCoordination.Round round;
        try {
            round = wiring.coordination().begin(id, fingerprint);
        } catch (RuntimeException e) {
            // implementations fall back by themselves; a bug there must not stop this provider's schedule
            round = ProbeCoordination.Round.PROBE;
        }
        decided(provider, fingerprint, round);
    }

    private synchronized void decided(ProviderDefinition provider, String fingerprint,
            ProbeCoordination.Round round) {
        String id = provider.id();
        coordinating.remove(id);
        if (stopped || !tracked.containsKey(id) || timers.containsKey(id)) {
            return; // removed or rescheduled while we asked
        }
        if (!fingerprint.equals(tracked.get(id))) {
            // reconfigured while we asked: the answer is about the old upstream, probe the new one now
            probeLocally.add(id);
            schedule(id, Duration.ZERO);
            return;
        }
        Observation shared = round.shared();
        if (round.probe()) {
            enqueue(id);
        } else if (shared != null && fresh(shared)) {
            awaitingHolder.remove(id);
            adopt(provider, shared);
            schedule(id, nextInterval());
        } else if (awaitingHolder.add(id)) {
            // the holder's probe may still be running: ask again once it must have finished
            schedule(id, wiring.probeTimeout().apply(provider).plus(TIMEOUT_GRACE));
        } else {
            // nothing fresh after a whole probe timeout: the holder is gone or cut off from Redis, probe here
            enqueue(id);
        }
    }

    private void enqueue(String id) {
        awaitingHolder.remove(id);
        waiting.add(id);
        pump();
    }

    /** Another instance's result becomes ours, unless ours is newer (this instance probed since). */
    private void adopt(ProviderDefinition provider, Observation shared) {
        Observation mine = wiring.cache().get(provider.id())
                .filter(state -> Objects.equals(state.baseUrl(), provider.baseUrl()))
                .map(ProviderHealthState::lastProbe).orElse(null);
        if (mine == null || shared.at().isAfter(mine.at())) {
            wiring.cache().recordProbe(provider.id(), provider.baseUrl(), shared);
        }
    }

    /** A shared result older than two intervals counts as missing. */
    private boolean fresh(Observation shared) {
        return !shared.at().isBefore(wiring.clock().get().minus(wiring.settings().interval().multipliedBy(2)));
    }

    private Optional<ProviderDefinition> configured(String id) {
        return wiring.providers().get().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private boolean callable(ProviderDefinition provider) {
        return wiring.keys().apply(provider).isPresent() || !wiring.keyRequired().apply(provider);
    }

    private void pump() {
        while (!stopped && inFlight.size() < wiring.settings().concurrency() && !waiting.isEmpty()) {
            String id = waiting.poll();
            Optional<ProviderDefinition> provider = configured(id);
            if (provider.isPresent()) {
                launch(provider.get());
            }
        }
    }

    private void launch(ProviderDefinition provider) {
        String fingerprint = fingerprint(provider);
        Optional<String> key = wiring.keys().apply(provider);
        if (key.isEmpty() && wiring.keyRequired().apply(provider)) {
            // never call an upstream without its key: readers report "API key not configured" from configuration
            schedule(provider.id(), nextInterval());
            return;
        }
        inFlight.add(provider.id());
        Instant started = wiring.clock().get();
        Duration timeout = wiring.probeTimeout().apply(provider);
        CompletableFuture<HealthProbe> outcome = new CompletableFuture<>();
        Timer.Cancellable watchdog = wiring.timer().schedule(() -> outcome.complete(
                HealthProbe.down(timeout, wiring.clock().get(),
                        "health probe timed out after " + timeout.toMillis() + " ms")), timeout.plus(TIMEOUT_GRACE));
        CompletionStage<HealthProbe> stage;
        try {
            stage = wiring.probe().probe(provider, key.orElse(null));
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((probe, failure) -> outcome.complete(probe != null ? probe
                : HealthProbe.down(Duration.between(started, wiring.clock().get()), wiring.clock().get(),
                        "health probe failed: " + Secrets.redact(describe(failure), key.orElse(null)))));
        outcome.thenAccept(probe -> {
            watchdog.cancel();
            Observation recorded = finished(provider, fingerprint, probe, key.orElse(null));
            if (recorded != null) {
                // on the timer, not on the probe's completion thread (the HTTP client's): a Redis round trip
                wiring.timer().schedule(() -> wiring.coordination().publish(provider.id(), fingerprint, recorded),
                        Duration.ZERO);
            }
        });
    }

    /** @return what was recorded, to be shared; {@code null} when the result is not this provider's any more */
    private synchronized Observation finished(ProviderDefinition provider, String fingerprint, HealthProbe probe,
            String key) {
        String id = provider.id();
        inFlight.remove(id);
        Observation recorded = null;
        if (!stopped && fingerprint.equals(tracked.get(id))) {
            long latencyMs = probe.latency() == null ? 0 : probe.latency().toMillis();
            // the adapter already redacted; the key's own value is removed too, whatever it looks like
            String error = probe.healthy() ? null : Secrets.redact(probe.error(), key);
            // to the millisecond, as shared through Redis: every instance then shows the very same result
            recorded = new Observation(probe.healthy(), wiring.clock().get().truncatedTo(ChronoUnit.MILLIS),
                    latencyMs, error,
                    wiring.coordination().instanceId());
            wiring.cache().recordProbe(id, provider.baseUrl(), recorded);
            if (!probe.healthy() && LOG.isLoggable(Level.FINE)) {
                LOG.fine("health probe of provider " + id + " failed: " + error);
            }
            if (!timers.containsKey(id)) {
                schedule(id, nextInterval());
            }
        } else if (!stopped && tracked.containsKey(id)) {
            // reconfigured while the probe ran: its result is about the old upstream, probe the new one now
            probeLocally.add(id);
            schedule(id, Duration.ZERO);
        }
        pump();
        return recorded;
    }

    private Duration nextInterval() {
        return wiring.settings().interval().plus(jitter());
    }

    private Duration jitter() {
        long bound = wiring.settings().jitter().toMillis();
        return bound <= 0 ? Duration.ZERO : Duration.ofMillis(wiring.random().nextLong(bound + 1));
    }

    private static String fingerprint(ProviderDefinition provider) {
        return provider.providerType().wireName() + " " + provider.baseUrl() + " " + provider.apiKeyId();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
