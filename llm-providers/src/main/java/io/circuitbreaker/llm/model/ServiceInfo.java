package io.circuitbreaker.llm.model;

/**
 * How the provider served an answer, as OpenAI reports it on every answer and chunk, passed on to the client as it
 * came. {@code null} on an answer whose provider reports neither.
 *
 * @param systemFingerprint the backend configuration the model ran with (with {@code seed}, tells when a change
 *                          may have affected determinism); {@code null} when not reported
 * @param serviceTier       the processing tier actually used ({@code default}, {@code flex}, {@code priority}, ...);
 *                          {@code null} when not reported
 */
public record ServiceInfo(String systemFingerprint, String serviceTier) {

    /** The info, or {@code null} when the provider reported neither field. */
    public static ServiceInfo of(String systemFingerprint, String serviceTier) {
        return systemFingerprint == null && serviceTier == null ? null
                : new ServiceInfo(systemFingerprint, serviceTier);
    }
}
