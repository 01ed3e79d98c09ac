package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The provider does not know the model (404). */
public class ModelNotFoundException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public ModelNotFoundException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MODEL_NOT_FOUND;
    }
}
