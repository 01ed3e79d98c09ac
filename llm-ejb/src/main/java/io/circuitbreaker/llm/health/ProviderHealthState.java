package io.circuitbreaker.llm.health;

/**
 * What the cache holds for one provider. The base URL probed is kept because a reconfigured provider (same id, new
 * URL) must not show the old URL's result as its own.
 *
 * @param baseUrl     the base URL the last probe went to
 * @param lastProbe   the last probe's result; {@code null} before the first probe finished
 * @param lastTraffic the last real request's outcome that says something about health; {@code null} when none
 */
public record ProviderHealthState(String baseUrl, Observation lastProbe, Observation lastTraffic) {

    static final ProviderHealthState EMPTY = new ProviderHealthState(null, null, null);

    /** The newer of probe and traffic: what the provider looked like most recently. */
    public Observation latest() {
        if (lastProbe == null) {
            return lastTraffic;
        }
        if (lastTraffic == null) {
            return lastProbe;
        }
        return lastTraffic.at().isAfter(lastProbe.at()) ? lastTraffic : lastProbe;
    }
}
