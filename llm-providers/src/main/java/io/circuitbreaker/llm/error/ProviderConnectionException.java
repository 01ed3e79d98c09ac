package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The connection to the provider failed or was reset. */
public class ProviderConnectionException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderConnectionException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public ProviderConnectionException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONNECTION;
    }
}
