package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.Optional;

/**
 * An upstream call failed. The root of the gateway's one error hierarchy: each subclass is one {@link ErrorKind}.
 *
 * <p>Messages are redacted with {@link Secrets#redact} on construction, so nothing key-like reaches a log or a client
 * through an exception.
 */
public abstract class LlmProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProviderType provider;
    private final int httpStatus;
    private final String providerCode;

    protected LlmProviderException(ProviderType provider, int httpStatus, String providerCode, String message,
            Throwable cause) {
        super(Secrets.redact(message), cause, true, false);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
    }

    public abstract ErrorKind kind();

    /** Whether trying again, later or with another deployment, can succeed. */
    public boolean retryable() {
        return kind().retryable();
    }

    public ProviderType provider() {
        return provider;
    }

    /** The upstream HTTP status, or 0 when no response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's own error type or code (e.g. {@code overloaded_error}, {@code RESOURCE_EXHAUSTED}). */
    public String providerCode() {
        return providerCode;
    }

    /** How long the provider asked us to wait before retrying, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
