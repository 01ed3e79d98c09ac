package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.Optional;

/** 429: too many requests or tokens, or quota exhausted; carries the wait the provider asked for, if any. */
public class RateLimitedException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(ProviderType provider, int httpStatus, String providerCode, String message,
            Duration retryAfter) {
        super(provider, httpStatus, providerCode, message, null);
        this.retryAfter = retryAfter;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.RATE_LIMITED;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
