package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** An upstream failure that fits no other kind; the HTTP status and provider code tell more. */
public class UpstreamErrorException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public UpstreamErrorException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public UpstreamErrorException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.OTHER;
    }
}
