package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/**
 * 429 {@code insufficient_quota}: the provider account behind the key is out of quota or credit. Unlike
 * {@link RateLimitedException} there is no wait after which the same call succeeds, so it carries no retry-after.
 */
public class QuotaExhaustedException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public QuotaExhaustedException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.QUOTA_EXHAUSTED;
    }
}
