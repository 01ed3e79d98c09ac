package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider rejected the API key (401/403). Not retried with the same key. */
public class AuthenticationException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public AuthenticationException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.AUTHENTICATION;
    }
}
