package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;

/** The prompt plus requested output exceeds the model's context window. */
public class ContextLengthExceededException extends LlmProviderException {

    private static final long serialVersionUID = 1L;

    public ContextLengthExceededException(ProviderType provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    public ContextLengthExceededException(ProviderType provider, int httpStatus, String providerCode, String message, Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONTEXT_LENGTH_EXCEEDED;
    }
}
