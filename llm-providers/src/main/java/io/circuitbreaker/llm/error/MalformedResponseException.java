package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider's answer did not follow its documented format, or a stream ended without its terminator. */
public class MalformedResponseException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public MalformedResponseException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MALFORMED_RESPONSE;
    }
}
