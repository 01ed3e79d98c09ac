package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider rejected the request as malformed or unsupported (400/413/422). */
public class InvalidRequestException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public InvalidRequestException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_REQUEST;
    }
}
