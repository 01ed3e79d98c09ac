package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.Optional;

/** The provider failed (5xx) or is overloaded (Anthropic's 529 {@code overloaded_error}, Gemini's 503). */
public class ProviderUnavailableException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    private final boolean overloaded;
    private final Duration retryAfter;

    public ProviderUnavailableException(ProviderType provider, int httpStatus, String providerCode, String message,
            boolean overloaded, Duration retryAfter) {
        super(provider, httpStatus, providerCode, message, null);
        this.overloaded = overloaded;
        this.retryAfter = retryAfter;
    }

    @Override
    public ErrorKind kind() {
        return overloaded ? ErrorKind.OVERLOADED : ErrorKind.UNAVAILABLE;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
