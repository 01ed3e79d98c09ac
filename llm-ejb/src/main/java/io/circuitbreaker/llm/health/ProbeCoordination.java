package io.circuitbreaker.llm.health;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Lets several gateway instances probe each provider once per interval between them instead of once each: before a
 * provider's round, an instance asks whether it is the one to probe ({@link #begin}); the one that is shares its
 * result ({@link #publish}) and the others adopt it. Circuit breakers and passive health stay per instance: they
 * reflect each instance's own traffic.
 *
 * <p>Implementations never throw: when the shared store cannot be asked, the answer is {@link Round#PROBE} (probe
 * locally, as a single instance does), so a missing or unreachable store never fails a health check.
 */
public interface ProbeCoordination {

    /** This instance's name, recorded with every probe it runs (e.g. {@code gateway-7f9c:1}). */
    String instanceId();

    /**
     * Before probing a provider this round.
     *
     * @param providerId  the provider
     * @param fingerprint what identifies the upstream probed (type, base URL, key name); a shared result about
     *                    another upstream is not returned
     * @return {@link Round#PROBE} when this instance should probe (it holds the lease, or there is nothing to
     *         coordinate with); otherwise another instance holds the lease, with its latest shared result, if any
     */
    Round begin(String providerId, String fingerprint);

    /** Shares a finished probe's result (best effort; a newer shared result is never overwritten by an older one). */
    void publish(String providerId, String fingerprint, Observation result);

    /**
     * What to do about a provider this round.
     *
     * @param probe  whether this instance probes it
     * @param shared when another instance holds the lease: its latest result about the same upstream, or
     *               {@code null} when none was published (yet) or it expired
     */
    record Round(boolean probe, Observation shared) {

        public static final Round PROBE = new Round(true, null);

        public static Round heldElsewhere(Observation shared) {
            return new Round(false, shared);
        }
    }

    /** No coordination: every instance probes every provider itself (no Redis configured). */
    static ProbeCoordination local(String instanceId) {
        return new ProbeCoordination() {
            @Override
            public String instanceId() {
                return instanceId;
            }

            @Override
            public Round begin(String providerId, String fingerprint) {
                return Round.PROBE;
            }

            @Override
            public void publish(String providerId, String fingerprint, Observation result) {
                // nobody to share with
            }
        };
    }

    /**
     * This process's name for {@code probedBy}: host name and process id ({@code host:pid}), readable in a report and
     * distinct per pod (its host name) and per server on one host (its pid). Uniqueness is not relied on: the lease
     * is taken with SET NX, never compared with the id.
     */
    static String thisInstance() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                host = "unknown-host";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
