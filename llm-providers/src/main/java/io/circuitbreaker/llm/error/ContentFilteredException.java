package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider's safety filters blocked the prompt or the answer. */
public class ContentFilteredException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public ContentFilteredException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public ContentFilteredException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONTENT_FILTERED;
    }
}
