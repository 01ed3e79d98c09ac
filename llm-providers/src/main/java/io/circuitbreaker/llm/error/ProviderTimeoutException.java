package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider did not answer in time: connect, first byte, between stream chunks, or 408. */
public class ProviderTimeoutException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderTimeoutException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public ProviderTimeoutException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.TIMEOUT;
    }
}
